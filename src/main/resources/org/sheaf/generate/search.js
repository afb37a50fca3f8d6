/*
 * sheaf's site search: loads the build-time index (search.json) and Lunr, both served by the
 * site itself, and lists the pages that match the query. No request leaves the site.
 *
 * The page holds a form with data-search-index (the index's URL) and an input named q, and an
 * element with data-search-results. The query comes from the input as the reader types, and
 * from ?q= when the form was submitted. In Node the functions are exported for tests.
 */
(function (root) {
  'use strict';

  /** A Lunr index over the entries: title and tags weigh more than the text. */
  function buildIndex(lunr, entries) {
    return lunr(function () {
      this.ref('url');
      this.field('title', { boost: 10 });
      this.field('tags', { boost: 5 });
      this.field('kind');
      this.field('text');
      this.metadataWhitelist = [];
      entries.forEach(function (entry) {
        this.add({
          url: entry.url,
          title: entry.title,
          tags: (entry.tags || []).join(' '),
          kind: entry.kind || '',
          text: entry.text
        });
      }, this);
    });
  }

  /**
   * The entries matching the words of the query, best first. Each word matches as written
   * (stemmed) or as the start of a longer word; any word may match. Query syntax is not
   * interpreted, so a reader's punctuation never throws.
   */
  function find(lunr, index, entries, query) {
    var words = lunr.tokenizer(String(query || '').replace(/[:^~*+\-]/g, ' '))
      .map(function (token) { return token.toString(); })
      .filter(function (word) { return word.length > 0; });
    if (words.length === 0) {
      return [];
    }
    var byUrl = {};
    entries.forEach(function (entry) { byUrl[entry.url] = entry; });
    return index.query(function (q) {
      words.forEach(function (word) {
        q.term(word, { boost: 10 });
        q.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
      });
    }).map(function (result) { return byUrl[result.ref]; });
  }

  /** The first words of the text, for a result's snippet. */
  function snippet(text, length) {
    if (text.length <= length) {
      return text;
    }
    var cut = text.lastIndexOf(' ', length);
    return text.slice(0, cut > 0 ? cut : length) + ' …';
  }

  function show(list, status, results, query) {
    list.textContent = '';
    results.forEach(function (entry) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = entry.url;
      link.textContent = entry.title;
      item.appendChild(link);
      if (entry.date) {
        item.appendChild(document.createTextNode(' '));
        var date = document.createElement('small');
        date.textContent = entry.date;
        item.appendChild(date);
      }
      var text = document.createElement('p');
      text.textContent = snippet(entry.text, 200);
      item.appendChild(text);
      list.appendChild(item);
    });
    if (!query) {
      status.textContent = '';
    } else if (results.length === 0) {
      status.textContent = 'No page matches “' + query + '”.';
    } else {
      status.textContent = results.length + (results.length === 1 ? ' page matches' : ' pages match') + ' “' + query + '”.';
    }
  }

  function start() {
    var form = document.querySelector('form[data-search-index]');
    var list = document.querySelector('[data-search-results]');
    var status = document.querySelector('[data-search-status]');
    if (!form || !list || !status || !root.lunr) {
      return;
    }
    var input = form.querySelector('input[name="q"]');
    var initial = new URLSearchParams(root.location.search).get('q') || '';
    input.value = initial;
    fetch(form.getAttribute('data-search-index'))
      .then(function (response) { return response.json(); })
      .then(function (entries) {
        var index = buildIndex(root.lunr, entries);
        var run = function () {
          var query = input.value.trim();
          show(list, status, find(root.lunr, index, entries, query), query);
        };
        input.addEventListener('input', run);
        form.addEventListener('submit', function (event) {
          event.preventDefault();
          run();
        });
        run();
        form.setAttribute('data-search-ready', 'true');
      })
      .catch(function () {
        status.textContent = 'The search index could not be loaded.';
      });
  }

  var api = { buildIndex: buildIndex, find: find, snippet: snippet };
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    root.sheafSearch = api;
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', start);
    } else {
      start();
    }
  }
}(this));
