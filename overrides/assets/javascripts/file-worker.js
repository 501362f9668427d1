/* Search for a copy of the site opened straight from a folder (file://).
 *
 * Browsers refuse to start a web worker from a file:// page, and the theme's search runs
 * in one. On file:// only, this stands in for Worker: it runs the worker's script in a
 * hidden frame of the page and passes messages both ways. Included only in sites built
 * for a plain folder (`toolkit build --plain-folder`); on any other page it does nothing.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  function FrameWorker(url) {
    var toPage = new EventTarget();
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.setAttribute("aria-hidden", "true");
    frame.title = "search";
    document.body.appendChild(frame);
    var scope = frame.contentWindow;
    var waiting = [];
    var started = false;
    var self = this;

    // The worker's script calls postMessage() for its answers: deliver them to the page.
    scope.postMessage = function (data) {
      var event = new MessageEvent("message", { data: data });
      toPage.dispatchEvent(event);
      if (typeof self.onmessage === "function") self.onmessage(event);
    };
    function deliver(data) {
      scope.dispatchEvent(new scope.MessageEvent("message", { data: data }));
    }
    var script = scope.document.createElement("script");
    script.onload = function () {
      started = true;
      waiting.splice(0).forEach(deliver);
    };
    script.src = new URL(url, location.href).href;
    scope.document.head.appendChild(script);

    this.postMessage = function (data) {
      if (started) deliver(data); else waiting.push(data);
    };
    this.addEventListener = toPage.addEventListener.bind(toPage);
    this.removeEventListener = toPage.removeEventListener.bind(toPage);
    this.terminate = function () { frame.remove(); };
  }

  window.Worker = FrameWorker;
})();
