/* Search that loads when it is used.
 *
 * The theme asks for the search index, and starts the search worker, as soon as a page
 * opens: for a big kit that is megabytes on every page, for readers who mostly never
 * search. This runs before the theme's script and holds both back until the reader starts
 * a search (opens the search box, focuses it, or presses its keyboard shortcut). The
 * theme's search itself is unchanged: it shows "Initializing search" for the moment the
 * index takes to arrive, then its results.
 *
 * On file:// (the plain-folder copy) the theme already waits for the search box to open
 * before it loads the index; holding the worker back works there too.
 */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json(\?|$)/;
  var started = false;
  var waiting = [];

  function start() {
    if (started) return;
    started = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }
  function whenStarted(go) {
    if (started) go(); else waiting.push(go);
  }

  // The index request is opened at once but sent only when a search starts.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__toolkitHeld = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.__toolkitHeld) return send.apply(request, args);
    whenStarted(function () { send.apply(request, args); });
  };

  // The worker is made on its first message, which the theme sends once the index is in.
  var PageWorker = window.Worker;
  function WorkerOnDemand(url, options) {
    var events = new EventTarget();
    var worker = null;
    var self = this;
    function real() {
      if (worker) return worker;
      var Made = window.Worker === WorkerOnDemand ? PageWorker : window.Worker;
      worker = new Made(url, options);
      worker.addEventListener("message", function (event) {
        var copy = new MessageEvent("message", { data: event.data });
        events.dispatchEvent(copy);
        if (typeof self.onmessage === "function") self.onmessage(copy);
      });
      return worker;
    }
    this.postMessage = function (data, transfer) { real().postMessage(data, transfer); };
    this.addEventListener = events.addEventListener.bind(events);
    this.removeEventListener = events.removeEventListener.bind(events);
    this.terminate = function () { if (worker) worker.terminate(); };
  }
  if (typeof PageWorker === "function") window.Worker = WorkerOnDemand;

  // What starts a search: the search box opened (its toggle), focused, or clicked.
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) start();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) start();
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest('label[for="__search"], .md-search')) start();
  });
})();
