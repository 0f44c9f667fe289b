// The host page's own script: listens to the explorers' events and drives
// one of them through its attributes and properties.
const log = document.getElementById('log');
const science = document.getElementById('science');

function note(text) {
  const item = document.createElement('li');
  item.textContent = text;
  log.prepend(item);
}

for (const explorer of document.querySelectorAll('article-explorer')) {
  explorer.addEventListener('explorer-ready', (e) => note(`${explorer.id}: ready with ${e.detail.size} articles`));
  explorer.addEventListener('filter-change', (e) => note(`${explorer.id}: ${e.detail.total} articles for ${JSON.stringify(e.detail.query)}`));
  explorer.addEventListener('article-open', (e) => note(`${explorer.id}: opened “${e.detail.record.title}”`));
}

document.getElementById('only-india').addEventListener('click', () => science.setAttribute('query', 'country=IN'));
document.getElementById('all').addEventListener('click', () => { science.query = ''; });
document.getElementById('only-dates').addEventListener('click', () => science.setAttribute('facets', 'date'));
