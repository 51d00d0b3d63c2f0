// Toggles the author links on small screens.
document.addEventListener("DOMContentLoaded", function () {
  var button = document.querySelector(".author__urls-wrapper button");
  var links = document.querySelector(".author__urls");
  if (!button || !links) return;
  button.addEventListener("click", function () {
    links.classList.toggle("is--visible");
  });
});
