import { expect } from '@open-wc/testing';
import type { Supplier } from '../../../extension/suppliers/supplier-match.js';
import {
  exportSuppliers,
  fallbackName,
  importSuppliers,
  mergeSuppliers,
  parsePattern,
  patternProblem,
  supplierForUrl,
  unique,
} from '../../../extension/suppliers/supplier-match.js';

const CANYON = '5f1a00000000000000000001';
const HARBOR = '5f1a00000000000000000002';
const GONE = '5f1a00000000000000000009';

/** The normal form of a pattern that parses, or the message of one that does not. */
function read(input: string): string {
  const result = parsePattern(input);
  return result.ok ? result.pattern.text : `error: ${result.message}`;
}

describe('supplier-match', () => {
  describe('parsePattern', () => {
    it('reads the forms an agent types, and writes them back in a normal form', () => {
      const cases: [string, string][] = [
        ['canyonkayak.com', 'canyonkayak.com'],
        ['*.canyonkayak.com', '*.canyonkayak.com'],
        ['  *.CanyonKayak.COM  ', '*.canyonkayak.com'],
        ['https://book.canyonkayak.com/tours/*', 'https://book.canyonkayak.com/tours/*'],
        ['http://canyonkayak.com', 'http://canyonkayak.com'],
        ['HTTPS://canyonkayak.com/', 'https://canyonkayak.com'],
        ['*://canyonkayak.com/*', 'canyonkayak.com'],
        ['canyonkayak.com/tours', 'canyonkayak.com/tours'],
        ['canyonkayak.com/tours/', 'canyonkayak.com/tours/*'],
        ['canyonkayak.com/Tours/*', 'canyonkayak.com/Tours/*'],
        ['canyonkayak.com/tour*', 'canyonkayak.com/tour*'],
        ['canyonkayak.com/a b'.replace(' ', '%20'), 'canyonkayak.com/a%20b'],
        ['127.0.0.1', '127.0.0.1'],
        ['127.0.0.1:4010', '127.0.0.1'],
        ['http://127.0.0.1:4010/demo/*', 'http://127.0.0.1/demo/*'],
        ['localhost', 'localhost'],
        ['localhost:8080/x', 'localhost/x'],
        ['[::1]', '[::1]'],
        ['http://[::1]:4010/', 'http://[::1]'],
        ['canyonkayak.com.', 'canyonkayak.com'],
        ['bücher.de', 'xn--bcher-kva.de'],
        ['canyonkayak.com:', 'canyonkayak.com'],
      ];
      for (const [input, text] of cases) expect(read(input), input).to.equal(text);
    });

    it('keeps the parts it matches by', () => {
      const result = parsePattern('https://*.canyonkayak.com:443/tours/*');
      expect(result).to.deep.equal({
        ok: true,
        pattern: {
          scheme: 'https',
          host: 'canyonkayak.com',
          subdomains: true,
          path: '/tours/',
          pathWildcard: true,
          text: 'https://*.canyonkayak.com/tours/*',
        },
      });
    });

    it('says what is wrong with a pattern that is not one', () => {
      const cases: [string, RegExp][] = [
        ['', /^Enter a website, for example \*\.canyonkayak\.com/],
        ['   ', /^Enter a website/],
        ['canyon kayak.com', /no spaces/],
        ['canyonkayak.com/tours?id=3', /Leave out the part from \? or #/],
        ['canyonkayak.com/#top', /Leave out the part from \? or #/],
        ['ftp://canyonkayak.com', /Only http and https sites can be matched, not ftp/],
        ['file:///home/x', /Only http and https sites can be matched, not file/],
        ['mailto:desk@canyonkayak.com', /Only http and https sites/],
        ['javascript:alert(1)', /Only http and https sites/],
        ['*', /every site/],
        ['https://*/*', /every site/],
        ['*.', /Name the supplier’s host/],
        ['https:///tours', /Name the supplier’s host/],
        ['canyon*.com', /A \* in the host goes only at its start/],
        ['*.*.canyonkayak.com', /A \* in the host goes only at its start/],
        ['www.*.com', /A \* in the host goes only at its start/],
        ['canyonkayak.com/*/tours', /A \* in the path goes only at its end/],
        ['canyonkayak.com/**', /A \* in the path goes only at its end/],
        ['canyon..com', /canyon\.\.com is not a host name/],
        ['-canyon.com', /is not a host name/],
        ['canyon_kayak.com', /is not a host name/],
        ['*.127.0.0.1', /An IP address has no subdomains/],
        ['*.com', /^\*\.com would match every site under \.com: name the supplier’s own domain/],
        ['*.localhost', /would match every site under \.localhost/],
        ['*.[::1]', /An IP address has no subdomains/],
        ['[::1', /is not a host name/],
        ['canyonkayak.com:99999', /99999 is not a port number/],
        ['canyonkayak.com:abc', /^A port is a number, such as :8080\.$/],
        ['localhost:abc', /^A port is a number/],
        ['https://canyonkayak.com:abc/x', /^A port is a number/],
        ['agent@canyonkayak.com', /Leave out the user name/],
      ];
      for (const [input, message] of cases) expect(patternProblem(input), input).to.match(message);
    });

    it('patternProblem gives the message alone, or undefined for a good pattern', () => {
      expect(patternProblem('*.canyonkayak.com')).to.equal(undefined);
      expect(patternProblem('a*.com')).to.equal(
        'A * in the host goes only at its start, as in *.canyonkayak.com.',
      );
    });
  });

  describe('supplierForUrl', () => {
    const canyon = { entityId: CANYON, name: 'Canyon Kayak', patterns: ['*.canyonkayak.com'] };
    const booking = { entityId: 'book', name: 'Booking desk', patterns: ['book.canyonkayak.com'] };
    const tours = { entityId: 'tours', name: 'Tours', patterns: ['*.canyonkayak.com/tours'] };
    const local = { entityId: 'local', name: 'Local', patterns: ['127.0.0.1/demo/*'] };

    const match = (url: string, list: Supplier[]) => supplierForUrl(url, list)?.entityId;

    it('matches a host, its subdomains with *., and the parent host itself', () => {
      expect(match('https://canyonkayak.com/', [canyon])).to.equal(CANYON);
      expect(match('https://www.canyonkayak.com/x?y#z', [canyon])).to.equal(CANYON);
      expect(match('http://a.b.canyonkayak.com:8443/', [canyon])).to.equal(CANYON);
      expect(match('https://notcanyonkayak.com/', [canyon])).to.equal(undefined);
      expect(match('https://canyonkayak.com.evil.example/', [canyon])).to.equal(undefined);
      expect(match('https://www.CANYONKAYAK.com./', [canyon])).to.equal(CANYON);
    });

    it('matches an exact host only on that host', () => {
      expect(match('https://book.canyonkayak.com/', [booking])).to.equal('book');
      expect(match('https://canyonkayak.com/', [booking])).to.equal(undefined);
      expect(match('https://x.book.canyonkayak.com/', [booking])).to.equal(undefined);
    });

    it('ignores the port, as match patterns do', () => {
      expect(match('http://127.0.0.1:4000/demo/kayak.html', [local])).to.equal('local');
      expect(match('http://127.0.0.1/demo/', [local])).to.equal('local');
      expect(match('http://127.0.0.1:4000/other', [local])).to.equal(undefined);
    });

    it('matches a scheme only when one is written', () => {
      const secure = { entityId: 's', name: 'S', patterns: ['https://canyonkayak.com'] };
      expect(match('https://canyonkayak.com/', [secure])).to.equal('s');
      expect(match('http://canyonkayak.com/', [secure])).to.equal(undefined);
      expect(match('http://canyonkayak.com/', [canyon])).to.equal(CANYON);
    });

    it('matches a path and what is below it, and a path ending in * as a prefix', () => {
      expect(match('https://www.canyonkayak.com/tours', [tours])).to.equal('tours');
      expect(match('https://www.canyonkayak.com/tours/', [tours])).to.equal('tours');
      expect(match('https://www.canyonkayak.com/tours/half-day', [tours])).to.equal('tours');
      expect(match('https://www.canyonkayak.com/tours-old', [tours])).to.equal(undefined);
      expect(match('https://www.canyonkayak.com/Tours', [tours])).to.equal(undefined);
      const prefix = { entityId: 'p', name: 'P', patterns: ['canyonkayak.com/tour*'] };
      expect(match('https://canyonkayak.com/tours-old', [prefix])).to.equal('p');
      expect(match('https://canyonkayak.com/tou', [prefix])).to.equal(undefined);
      const slash = { entityId: 'd', name: 'D', patterns: ['canyonkayak.com/tours/'] };
      expect(match('https://canyonkayak.com/tours/x', [slash])).to.equal('d');
      expect(match('https://canyonkayak.com/tours', [slash])).to.equal(undefined);
    });

    it('compares paths percent-encoded, as the browser gives them', () => {
      const spaced = { entityId: 'e', name: 'E', patterns: ['canyonkayak.com/río/*'] };
      expect(match('https://canyonkayak.com/r%C3%ADo/x', [spaced])).to.equal('e');
      expect(match('https://canyonkayak.com/río/x', [spaced])).to.equal('e');
    });

    it('matches internationalised hosts in either form', () => {
      const books = { entityId: 'b', name: 'B', patterns: ['*.bücher.de'] };
      expect(match('https://www.xn--bcher-kva.de/', [books])).to.equal('b');
      expect(match('https://www.bücher.de/', [books])).to.equal('b');
    });

    it('matches IPv6 hosts', () => {
      const six = { entityId: 'six', name: 'Six', patterns: ['[::1]'] };
      expect(match('http://[::1]:4010/', [six])).to.equal('six');
      expect(match('http://[0:0::1]/', [six])).to.equal('six');
    });

    describe('precedence: the most specific match wins', () => {
      it('a longer host beats a shorter one', () => {
        const deep = { entityId: 'deep', name: 'Deep', patterns: ['*.book.canyonkayak.com'] };
        expect(match('https://x.book.canyonkayak.com/', [canyon, deep])).to.equal('deep');
        expect(match('https://x.book.canyonkayak.com/', [deep, canyon])).to.equal('deep');
        expect(match('https://www.canyonkayak.com/', [deep, canyon])).to.equal(CANYON);
      });

      it('an exact host beats *. of the same host', () => {
        const apex = { entityId: 'apex', name: 'Apex', patterns: ['canyonkayak.com'] };
        expect(match('https://canyonkayak.com/', [canyon, apex])).to.equal('apex');
        expect(match('https://canyonkayak.com/', [apex, canyon])).to.equal('apex');
        expect(match('https://www.canyonkayak.com/', [apex, canyon])).to.equal(CANYON);
      });

      it('the host counts before the path', () => {
        expect(match('https://book.canyonkayak.com/tours/x', [tours, booking])).to.equal('book');
      });

      it('then a longer path beats a shorter one or none', () => {
        const deeper = {
          entityId: 'deeper',
          name: 'Deeper',
          patterns: ['*.canyonkayak.com/tours/half-day'],
        };
        const url = 'https://www.canyonkayak.com/tours/half-day/1';
        expect(match(url, [canyon, tours, deeper])).to.equal('deeper');
        expect(match(url, [deeper, tours, canyon])).to.equal('deeper');
        expect(match('https://www.canyonkayak.com/tours/full', [deeper, canyon, tours])).to.equal(
          'tours',
        );
      });

      it('then a written scheme beats none', () => {
        const secure = { entityId: 's', name: 'S', patterns: ['https://*.canyonkayak.com'] };
        expect(match('https://canyonkayak.com/', [canyon, secure])).to.equal('s');
        expect(match('http://canyonkayak.com/', [canyon, secure])).to.equal(CANYON);
      });

      it('between equally specific patterns, the supplier listed first', () => {
        const twin = { entityId: 'twin', name: 'Twin', patterns: ['*.canyonkayak.com'] };
        expect(match('https://canyonkayak.com/', [canyon, twin])).to.equal(CANYON);
        expect(match('https://canyonkayak.com/', [twin, canyon])).to.equal('twin');
      });

      it('a supplier’s best pattern is the one that counts', () => {
        const both = {
          entityId: 'both',
          name: 'Both',
          patterns: ['example.org', 'www.canyonkayak.com'],
        };
        expect(match('https://www.canyonkayak.com/', [canyon, both])).to.equal('both');
      });
    });

    it('returns the entry itself, with the caller’s type', () => {
      const listed = mergeSuppliers([{ entityId: CANYON }], [canyon]);
      const found = supplierForUrl('https://canyonkayak.com/', listed);
      expect(found).to.equal(listed[0]);
      expect(found?.available).to.equal(true);
    });

    it('never offers a supplier the agent can no longer book', () => {
      const listed = mergeSuppliers([], [canyon]);
      expect(listed[0]!.available).to.equal(false);
      expect(supplierForUrl('https://canyonkayak.com/', listed)).to.equal(undefined);
    });

    it('skips patterns that do not parse, and matches nothing on other pages', () => {
      const broken = { entityId: 'x', name: 'X', patterns: ['a*.com', '*', 'canyonkayak.com'] };
      expect(match('https://canyonkayak.com/', [broken])).to.equal('x');
      expect(match('https://anything.example/', [broken])).to.equal(undefined);
      expect(match('chrome://extensions/', [canyon])).to.equal(undefined);
      expect(match('file:///canyonkayak.com/index.html', [canyon])).to.equal(undefined);
      expect(match('not a url', [canyon])).to.equal(undefined);
      expect(match('https://canyonkayak.com/', [])).to.equal(undefined);
    });
  });

  describe('mergeSuppliers', () => {
    it('lists every supplier the API lists, named by the agent or by a fallback', () => {
      const list = mergeSuppliers(
        [{ entityId: HARBOR }, { entityId: CANYON }, { entityId: 'x1234', fallbackName: 'Zed' }],
        [{ entityId: CANYON, name: ' Canyon Kayak ', patterns: ['*.canyonkayak.com'] }],
      );
      expect(list).to.deep.equal([
        {
          entityId: CANYON,
          name: 'Canyon Kayak',
          patterns: ['*.canyonkayak.com'],
          available: true,
          named: true,
        },
        { entityId: HARBOR, name: 'Supplier …0002', patterns: [], available: true, named: false },
        { entityId: 'x1234', name: 'Zed', patterns: [], available: true, named: false },
      ]);
    });

    it('keeps saved suppliers the API no longer lists, marked unavailable, after the others', () => {
      const list = mergeSuppliers(
        [{ entityId: HARBOR }],
        [
          { entityId: GONE, name: 'Old Rafting', patterns: ['oldrafting.com'] },
          { entityId: 'ab', name: '', patterns: ['b.example'] },
        ],
      );
      expect(list.map((s) => [s.name, s.available, s.named])).to.deep.equal([
        ['Supplier …0002', true, false],
        ['Old Rafting', false, true],
        ['Supplier …ab', false, false],
      ]);
      expect(list[1]!.patterns).to.deep.equal(['oldrafting.com']);
    });

    it('sorts by name as people read it, and lists a repeated supplier once', () => {
      const list = mergeSuppliers(
        [{ entityId: 'a' }, { entityId: 'b' }, { entityId: 'c' }, { entityId: 'a' }],
        [
          { entityId: 'a', name: 'tour 10', patterns: [] },
          { entityId: 'b', name: 'Tour 9', patterns: [] },
          { entityId: 'c', name: 'Äpfel', patterns: [] },
        ],
      );
      expect(list.map((s) => s.name)).to.deep.equal(['Äpfel', 'Tour 9', 'tour 10']);
    });

    it('does not share pattern arrays with the saved list', () => {
      const saved = [{ entityId: CANYON, name: 'C', patterns: ['canyonkayak.com'] }];
      mergeSuppliers([{ entityId: CANYON }], saved)[0]!.patterns.push('x.com');
      expect(saved[0]!.patterns).to.deep.equal(['canyonkayak.com']);
    });

    it('gives an empty list for nothing known and nothing saved', () => {
      expect(mergeSuppliers([], [])).to.deep.equal([]);
    });

    it('names a fallback after the id’s last four characters', () => {
      expect(fallbackName(CANYON)).to.equal('Supplier …0001');
    });
  });

  describe('exportSuppliers and importSuppliers', () => {
    const saved: Supplier[] = [
      { entityId: CANYON, name: 'Canyon Kayak', patterns: ['*.canyonkayak.com'] },
      { entityId: HARBOR, name: 'Harbor Rentals', patterns: [] },
    ];

    it('exports a versioned file with only what the agent set', () => {
      const listed = mergeSuppliers([{ entityId: CANYON }], saved);
      const text = exportSuppliers(listed);
      expect(JSON.parse(text)).to.deep.equal({
        version: 1,
        suppliers: [
          { entityId: CANYON, name: 'Canyon Kayak', patterns: ['*.canyonkayak.com'] },
          { entityId: HARBOR, name: 'Harbor Rentals', patterns: [] },
        ],
      });
      expect(text.endsWith('\n')).to.equal(true);
    });

    it('round-trips: an export imported into nothing is the same list', () => {
      const result = importSuppliers(exportSuppliers(saved));
      expect(result).to.deep.equal({ ok: true, suppliers: saved, added: 2, updated: 0 });
    });

    it('merges by entityId: new ones added, names replaced unless empty, patterns united', () => {
      const text = JSON.stringify({
        version: 1,
        suppliers: [
          { entityId: HARBOR, name: '', patterns: ['harbor.example', 'HARBOR.example/'] },
          { entityId: CANYON, name: 'Canyon Kayak Co.', patterns: ['www.canyonkayak.com'] },
          { entityId: GONE, name: 'Old Rafting', patterns: [], extra: 'dropped' },
        ],
      });
      const result = importSuppliers(text, saved);
      expect(result).to.deep.equal({
        ok: true,
        suppliers: [
          {
            entityId: CANYON,
            name: 'Canyon Kayak Co.',
            patterns: ['*.canyonkayak.com', 'www.canyonkayak.com'],
          },
          { entityId: HARBOR, name: 'Harbor Rentals', patterns: ['harbor.example'] },
          { entityId: GONE, name: 'Old Rafting', patterns: [] },
        ],
        added: 1,
        updated: 2,
      });
      expect(saved[0]!.name, 'the list passed in is not changed').to.equal('Canyon Kayak');
    });

    it('merges an entry repeated in the file into one, counted once', () => {
      const text = JSON.stringify({
        version: 1,
        suppliers: [
          { entityId: GONE, name: 'Old', patterns: ['a.example'] },
          { entityId: GONE, name: 'Older', patterns: ['b.example'] },
        ],
      });
      const result = importSuppliers(text);
      expect(result).to.deep.equal({
        ok: true,
        suppliers: [{ entityId: GONE, name: 'Older', patterns: ['a.example', 'b.example'] }],
        added: 1,
        updated: 0,
      });
    });

    it('says what is wrong, and merges nothing', () => {
      const file = (suppliers: unknown, version: unknown = 1) =>
        JSON.stringify({ version, suppliers });
      const good = { entityId: CANYON, name: 'C', patterns: [] };
      const cases: [string, string][] = [
        ['', 'Nothing to import: the text is empty.'],
        ['  \n', 'Nothing to import: the text is empty.'],
        [
          '[]',
          'This is JSON but not a supplier export: an export looks like { "version": 1, "suppliers": [ … ] }.',
        ],
        [
          '"text"',
          'This is JSON but not a supplier export: an export looks like { "version": 1, "suppliers": [ … ] }.',
        ],
        [
          '{"suppliers": []}',
          'This is JSON but not a supplier export: "version" is missing (an export looks like { "version": 1, "suppliers": [ … ] }).',
        ],
        [
          '{"version": 1}',
          'This is JSON but not a supplier export: "suppliers" is missing (an export looks like { "version": 1, "suppliers": [ … ] }).',
        ],
        [file([], 2), 'This export is version 2; this extension reads version 1.'],
        [file([], '1'), 'This export is version "1"; this extension reads version 1.'],
        [
          file({}),
          '"suppliers" is object, not a list (an export looks like { "version": 1, "suppliers": [ … ] }).',
        ],
        [file([good, 'x']), 'Supplier 2 of 2: it is string, not a supplier object.'],
        [file([null]), 'Supplier 1 of 1: it is null, not a supplier object.'],
        [file([[]]), 'Supplier 1 of 1: it is a list, not a supplier object.'],
        [file([{ name: 'C', patterns: [] }]), 'Supplier 1 of 1: "entityId" is missing.'],
        [
          file([{ entityId: 7, name: 'C', patterns: [] }]),
          'Supplier 1 of 1: "entityId" is number, not text.',
        ],
        [
          file([{ entityId: ' ', name: 'C', patterns: [] }]),
          'Supplier 1 of 1: "entityId" is empty.',
        ],
        [file([{ entityId: CANYON, patterns: [] }]), 'Supplier 1 of 1: "name" is missing.'],
        [
          file([{ entityId: CANYON, name: null, patterns: [] }]),
          'Supplier 1 of 1: "name" is null, not text.',
        ],
        [file([{ entityId: CANYON, name: 'C' }]), 'Supplier 1 of 1: "patterns" is missing.'],
        [
          file([{ entityId: CANYON, name: 'C', patterns: 'canyonkayak.com' }]),
          'Supplier 1 of 1: "patterns" is string, not a list.',
        ],
        [
          file([good, good, { entityId: CANYON, name: 'C', patterns: ['ok.example', 3] }]),
          'Supplier 3 of 3: pattern 2 is number, not text.',
        ],
        [
          file([good, { entityId: HARBOR, name: 'H', patterns: ['ok.example', 'a*.com'] }]),
          'Supplier 2 of 2: pattern 2 ("a*.com"): A * in the host goes only at its start, as in *.canyonkayak.com.',
        ],
      ];
      for (const [text, message] of cases)
        expect(importSuppliers(text, saved), text).to.deep.equal({ ok: false, message });
    });

    it('says which JSON is broken, with the parser’s words', () => {
      const result = importSuppliers('{"version": 1,');
      expect(result.ok).to.equal(false);
      expect(!result.ok && result.message).to.match(/^This is not valid JSON \(.+\)\.$/);
    });
  });

  describe('unique', () => {
    it('drops repeats by normal form, keeping the first as written', () => {
      expect(unique(['A.example', 'a.example/', 'b.example', 'bad*', 'bad*'])).to.deep.equal([
        'A.example',
        'b.example',
        'bad*',
      ]);
    });
  });
});
