// {{ notice }}
//
// Exact hits first in mdBook's search. mdBook's search ranks by word
// statistics, so "499" finds the ranges that end in 499 before HTTP 499, and
// "-105" finds Qt's 105. This script changes one thing: when the query is a
// code's number or one of its names, that code's page comes first. Every
// other result stays in mdBook's order.
//
// It wraps the search method of elasticlunr's index (the library mdBook's
// search runs on), so it holds for every index, whenever it is loaded. The
// query is compared in ASCII lower case with runs of spaces made one; a
// system's label in front ("HTTP 499", "QNetworkReply ContentNotFoundError")
// or a prefix people paste before its names, which its lookups strip too
// ("net::ERR_NAME_NOT_RESOLVED"), limits the match to that system.
(function () {
    'use strict';

    const EXACT = {
        // [label, [prefixes]] of each system.
        systems: [
{%- for (label, prefixes) in systems %}
[{{ label }}, [{{ prefixes }}]],
{%- endfor %}
        ],
        // [page, index of its system] of each code page.
        pages: [
{%- for (page, system) in pages %}
[{{ page }}, {{ system }}],
{%- endfor %}
        ],
        // [key, pages best first]: every number and name a page is found by.
        keys: [
{%- for (key, pages) in keys %}
[{{ key }}, [{{ pages }}]],
{%- endfor %}
        ],
    };

    const keys = new Map(EXACT.keys);

    function fold(text) {
        return text.replace(/[A-Z]/g, c => c.toLowerCase()).trim().replace(/\s+/g, ' ');
    }

    // The pages a query names exactly, best first.
    function exactPages(query) {
        const folded = fold(query);
        const tries = [[folded, -1]];
        EXACT.systems.forEach(([label, prefixes], system) => {
            if (label !== '' && folded.startsWith(label + ' ')) {
                tries.push([folded.slice(label.length + 1).trim(), system]);
            }
            for (const prefix of prefixes) {
                if (prefix !== '' && folded.startsWith(prefix)) {
                    tries.push([folded.slice(prefix.length).trim(), system]);
                }
            }
        });
        const found = [];
        for (const [key, only] of tries) {
            for (const page of keys.get(key) || []) {
                if ((only < 0 || EXACT.pages[page][1] === only) && !found.includes(page)) {
                    found.push(page);
                }
            }
        }
        return found.map(page => EXACT.pages[page][0]);
    }

    // The first search document of each page (its title section), by page.
    let firstDocs = null;
    function firstDoc(page) {
        const urls = (window.search && window.search.doc_urls) || [];
        if (firstDocs === null || firstDocs.size === 0) {
            firstDocs = new Map();
            urls.forEach((url, ref) => {
                const file = url.split('#')[0];
                if (!firstDocs.has(file)) {
                    firstDocs.set(file, String(ref));
                }
            });
        }
        return firstDocs.get(page);
    }

    if (typeof elasticlunr === 'undefined' || !elasticlunr.Index) {
        return;
    }
    const search = elasticlunr.Index.prototype.search;
    elasticlunr.Index.prototype.search = function (query, options) {
        const results = search.call(this, query, options);
        if (typeof query !== 'string') {
            return results;
        }
        const first = [];
        for (const page of exactPages(query)) {
            const ref = firstDoc(page);
            if (ref !== undefined && this.documentStore.hasDoc(ref)) {
                first.push({ref: ref, score: Infinity, doc: this.documentStore.getDoc(ref)});
            }
        }
        const taken = new Set(first.map(result => result.ref));
        return first.concat(results.filter(result => !taken.has(result.ref)));
    };

    // For tests and the curious: what a query names exactly.
    window.netcodesExactPages = exactPages;
})();
