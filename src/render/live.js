// The preview's page: the server tells it the draft's generation on connecting and after every save; a
// generation other than the page's own reloads the page (the browser keeps the scroll position).
(function () {
  var own = document.body.dataset.generation;
  var events = new EventSource('events');
  events.addEventListener('generation', function (e) {
    if (e.data !== own) { events.close(); location.reload(); }
  });
})();
