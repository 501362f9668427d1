/* The meeting planner's memory, and the buttons that feed it from other pages.
 *
 * A plan is kept in the browser's own storage (localStorage), under a key made from the
 * site's address, so two copies of the kit (two forks, two folders) never share a plan.
 * Nothing is sent anywhere. This script is loaded on the planner and on the pages with
 * "Add to my meeting" and "Copy into my meeting" buttons; planner.js builds on it.
 *
 * A tool page's button adds the tool to the stored plan and says so, without leaving the
 * page. A session page's "Copy into my meeting" is a link to the planner: the click leaves
 * a note naming the session, and the planner copies it when it opens. Without JavaScript
 * the buttons stay hidden and the link simply opens the planner.
 */
(function () {
  "use strict";

  // The site's root, from the theme's settings on every page: the same on every page of one site.
  function siteRoot() {
    try {
      const settings = JSON.parse(document.getElementById("__config").textContent);
      return new URL(settings.base.replace(/\/?$/, "/"), location.href).href;
    } catch (error) {
      return location.origin + "/";
    }
  }

  const KEY = "toolkit-plan:" + siteRoot();
  const COPY_KEY = KEY + ":copy";
  // Storage can be refused (a private window, a browser setting): the plan then lives in the page.
  const memory = {};

  function get(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return key in memory ? memory[key] : null;
    }
  }

  function set(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (error) {
      if (value === null) delete memory[key];
      else memory[key] = value;
    }
  }

  function blankPlan() {
    return { title: "", date: "", start: "09:00", end: "", paper: "", phase: "", meets: "in-person",
             purpose: "", from: "", items: [] };
  }

  /** The stored plan as it was saved (the planner checks it against the kit), or null. */
  function read() {
    const text = get(KEY);
    if (!text) return null;
    try {
      const plan = JSON.parse(text);
      return plan && typeof plan === "object" && Array.isArray(plan.items) ? plan : null;
    } catch (error) {
      return null;
    }
  }

  function write(plan) {
    set(KEY, JSON.stringify(plan));
  }

  function addTool(id, minutes) {
    const plan = read() || blankPlan();
    plan.items.push({ kind: "tool", id: id, minutes: minutes, version: "full" });
    write(plan);
    return plan;
  }

  /** The session a "Copy into my meeting" click asked for, once: reading it forgets it. */
  function takeCopyRequest() {
    const id = get(COPY_KEY);
    set(COPY_KEY, null);
    return id;
  }

  window.toolkitPlan = { blankPlan: blankPlan, read: read, write: write, takeCopyRequest: takeCopyRequest };

  function announce(button, text) {
    const status = button.closest("[data-tk-plan-actions]").querySelector("[data-tk-plan-status]");
    // Emptied first, so the same words said twice are announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  // Clicks are heard on the document, so cards added later (a catalog's other pages) work too.
  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-tk-add]");
    if (button) {
      const plan = addTool(button.dataset.tkAdd, Number(button.dataset.minutes));
      announce(button, button.dataset.added.replace("{count}", plan.items.length));
    }
    const link = event.target.closest("[data-tk-copy]");
    if (link) set(COPY_KEY, link.dataset.tkCopy);
  });

  // The buttons are hidden in the HTML: without this script they could do nothing.
  function showButtons(root) {
    for (const button of root.querySelectorAll("[data-tk-add]")) button.hidden = false;
  }
  window.toolkitPlan.showButtons = showButtons;
  showButtons(document);
})();
