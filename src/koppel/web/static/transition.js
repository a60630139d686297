// Beheer > Jaarovergang: while a preview, an apply or an undo runs, the form says so
// (aria-busy, a spinner with a status text) and its button cannot be pressed twice.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-busy")) {
    return;
  }
  if (form.getAttribute("aria-busy") === "true") {
    event.preventDefault();
    return;
  }
  form.setAttribute("aria-busy", "true");
  const busy = form.querySelector(".busy");
  if (busy) {
    busy.hidden = false;
  }
});
// Back to a page from the browser's cache: the work is over, the form usable again.
window.addEventListener("pageshow", () => {
  for (const form of document.querySelectorAll("form[aria-busy]")) {
    form.removeAttribute("aria-busy");
    const busy = form.querySelector(".busy");
    if (busy) {
      busy.hidden = true;
    }
  }
});
