/* The header's search box: Pagefind's index (site_builder/site/search_index.py), fetched in
   chunks the first time the box is used; nothing is fetched before. Results show each page's
   title, its kind and summary (a brief) or an excerpt (any other page). Keyboard: "/" or "s"
   to search, arrows through the results, Enter to open one, Escape to close them.
   Names rank their brief first: every brief carries a key for each spelling of each of its
   names (site_builder/render/search_spellings.py, computed the same way as nameKey here); the
   briefs with the key of what was typed come before the other results. */
(function () {
  "use strict";
  var root = document.querySelector(".sb-search");
  if (!root) return;
  var box = root.querySelector(".sb-search__box");
  var input = root.querySelector(".sb-search__input");
  var status = root.querySelector(".sb-search__status");
  var panel = root.querySelector(".sb-search__results");
  var list = root.querySelector(".sb-search__list");
  var empty = root.querySelector(".sb-search__empty");
  var fallback = root.querySelector(".sb-search__fallback");
  var SHOWN = 6; /* each result shown fetches its own small file */
  /* The words, in the page's language (site_builder/render/catalogues/): "1 page found." is
     one string per plural category, picked by the language's rules. */
  var found = JSON.parse(root.getAttribute("data-sb-found"));
  var plural = new Intl.PluralRules(document.documentElement.lang);
  var engine = null;
  var latest = 0;

  if (fallback) fallback.hidden = true;
  box.hidden = false;

  /* The folders of the other parts of this language's index, named in the index's table of
     contents (a large site's language is indexed in parts: site_builder/site/search_index.py),
     fetched beside Pagefind's script. */
  function parts(script) {
    var language = document.documentElement.lang.toLowerCase();
    return fetch(new URL("pagefind-entry.json", script), { cache: "no-cache" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.statusText);
        return response.json();
      })
      .then(function (entry) {
        return ((entry.site_builder_parts || {})[language] || []).map(function (folder) {
          return new URL(folder, script).pathname;
        });
      });
  }

  function load() {
    if (!engine) {
      var script = new URL(root.getAttribute("data-sb-pagefind"), location.href).href;
      var base = new URL(root.getAttribute("data-sb-root"), location.href).pathname;
      engine = Promise.all([import(script), parts(script)]).then(function (loaded) {
        var pagefind = loaded[0];
        var shown = { baseUrl: base, excerptLength: 24 };
        return pagefind.options(Object.assign({ noWorker: true }, shown)).then(function () {
          pagefind.init();
          return Promise.all(loaded[1].map(function (folder) {
            return pagefind.mergeIndex(folder, shown);
          }));
        }).then(function () {
          return pagefind;
        });
      });
    }
    return engine;
  }

  function close() {
    latest++; /* a search still under way must not open the results again */
    panel.hidden = true;
  }

  function excerpt(html) {
    /* Pagefind's excerpt is escaped text with <mark> around the words found: keep only those. */
    var out = document.createDocumentFragment();
    var parsed = new DOMParser().parseFromString(html, "text/html").body.childNodes;
    Array.prototype.forEach.call(parsed, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.append(mark);
      } else {
        out.append(node.textContent);
      }
    });
    return out;
  }

  function part(className, content) {
    var span = document.createElement("span");
    span.className = className;
    span.append(content);
    return span;
  }

  function item(page) {
    var link = document.createElement("a");
    link.className = "sb-search__result";
    link.href = page.url;
    link.append(part("sb-search__title", page.meta.title || page.url));
    if (page.meta.kind) link.append(part("sb-search__kind", page.meta.kind));
    var brief = page.meta.kind && page.meta.summary;
    link.append(part("sb-search__text", brief ? page.meta.summary : excerpt(page.excerpt)));
    var li = document.createElement("li");
    li.append(link);
    return li;
  }

  function nameKey(text) {
    var plain = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim().split(/\s+/).join(" ");
    var digest = 0x811c9dc5;
    new TextEncoder().encode(plain).forEach(function (byte) {
      digest = Math.imul(digest ^ byte, 0x01000193) >>> 0;
    });
    return "zq" + String(digest).padStart(10, "0");
  }

  function namedFirst(named, found) {
    var seen = {};
    return named.concat(found).filter(function (result) {
      if (seen[result.id]) return false;
      seen[result.id] = true;
      return true;
    });
  }

  function show(pages, total, query) {
    list.replaceChildren.apply(list, pages.map(item));
    list.setAttribute("data-query", query); /* what the results shown are for */
    empty.hidden = total > 0;
    var counted = (found[plural.select(total)] || found.other).replace("{n}", total);
    status.textContent = total === 0 ? empty.textContent : counted;
    panel.hidden = false;
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      close();
      return;
    }
    load()
      .then(function (pagefind) {
        return pagefind.debouncedSearch(query, {}, 100).then(function (found) {
          if (!found || ticket !== latest) return;
          return pagefind.search(nameKey(query)).then(function (named) {
            var first = namedFirst(named.results, found.results).slice(0, SHOWN);
            return Promise.all(first.map(function (result) {
              return result.data();
            })).then(function (pages) {
              if (ticket === latest) show(pages, found.results.length, query);
            });
          });
        });
      })
      .catch(function () {
        if (ticket === latest) status.textContent = root.getAttribute("data-sb-unavailable");
      });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  input.addEventListener("focus", function () {
    load().catch(function () {});
    if (input.value.trim()) search();
  });
  input.addEventListener("input", search);

  root.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && !panel.hidden && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : all[at - 1]).focus();
    } else if (event.key === "Enter" && event.target === input && all.length && !panel.hidden) {
      event.preventDefault();
      all[0].click();
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (panel.hidden) input.blur();
      else input.focus();
      close();
    }
  });
  root.addEventListener("focusout", function (event) {
    if (!root.contains(event.relatedTarget)) close();
  });

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key !== "/" && event.key !== "s") return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
})();
