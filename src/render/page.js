// One delegated listener for the whole page: a cell with findings or a derivation shows them on hover, focus
// or click, and marks the cells it was compared with. No per-cell script, nothing fetched.
(function () {
  var box = document.getElementById('details');
  var marked = [];
  function unmark() { marked.forEach(function (c) { c.classList.remove('compared'); }); marked = []; }
  function show(td) {
    unmark();
    box.textContent = '';
    (td.dataset.findings || '').split(' ').forEach(function (id) {
      var f = id && document.getElementById(id);
      if (f) { box.appendChild(f.cloneNode(true)).removeAttribute('id'); }
    });
    if (td.dataset.derivation) {
      var p = document.createElement('p');
      p.className = 'derivation';
      p.textContent = td.dataset.derivation;
      box.appendChild(p);
    }
    var path = document.createElement('p');
    path.className = 'path';
    path.textContent = td.dataset.path || '';
    box.appendChild(path);
    (td.dataset.compared || '').split(' ').forEach(function (id) {
      var c = id && document.getElementById(id);
      if (c) { c.classList.add('compared'); marked.push(c); }
    });
    box.hidden = false;
  }
  function target(e) {
    var td = e.target.closest && e.target.closest('td[data-findings], td[data-derivation]');
    return td;
  }
  ['mouseover', 'focusin', 'click'].forEach(function (kind) {
    document.addEventListener(kind, function (e) {
      var td = target(e);
      if (td) { show(td); }
    });
  });
  // A link in the findings list focuses its cell, which shows its details.
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[data-finding]');
    if (!a) { return; }
    var td = document.getElementById(a.getAttribute('href').slice(1));
    if (td) { e.preventDefault(); td.scrollIntoView({ block: 'center' }); td.focus(); }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { box.hidden = true; unmark(); }
  });
})();
