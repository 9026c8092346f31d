// Node tests of the built package (pkg/): parsePhoneNumber, isE164,
// toMetaPhoneParams, isE164Batch — shapes, accepted formats, thrown codes.
import { test, describe } from "node:test";
import assert from "node:assert/strict";

import { parsePhoneNumber, isE164, toMetaPhoneParams, isE164Batch } from "./load-pkg.mjs";

/** The error `fn` throws (fails if it returns). */
function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail("expected a throw");
}

describe("parsePhoneNumber", () => {
  test("returns a plain { e164, callingCode, nationalNumber, regions } object", () => {
    const n = parsePhoneNumber("+44 7911 123456");
    assert.deepEqual({ ...n, regions: [...n.regions] }, {
      e164: "+447911123456",
      callingCode: 44,
      nationalNumber: "7911123456",
      regions: ["GB", "GG", "IM", "JE"],
    });
    assert.equal(Object.getPrototypeOf(n), Object.prototype);
    assert.deepEqual(Object.keys(n), ["e164", "callingCode", "nationalNumber", "regions"]);
    assert.ok(Array.isArray(n.regions) && Object.isFrozen(n.regions), "regions is a frozen array");
    assert.equal(JSON.stringify(n),
      '{"e164":"+447911123456","callingCode":44,"nationalNumber":"7911123456","regions":["GB","GG","IM","JE"]}');
  });

  const ACCEPTED = [
    // [input, defaultCallingCode, e164]
    ["+1 (212) 555-1234", undefined, "+12125551234"],
    ["+1.212.555.1234", undefined, "+12125551234"],
    ["0044 20 7946 0000", undefined, "+442079460000"],
    ["+44 (0)20 7946 0000", undefined, "+442079460000"],
    ["  +33 6 12 34 56 78 ", undefined, "+33612345678"],
    ["07911 123456", 44, "+447911123456"],
    ["(212) 555-1234", 1, "+12125551234"],
    ["8 916 123-45-67", 7, "+79161234567"],
    ["+7 800 555 35 35", undefined, "+78005553535"],
    ["+39 06 1234 5678", null, "+390612345678"],
    ["＋４４ ７９１１ １２３４５６", undefined, "+447911123456"],
    ["+٩٧١٥٠١٢٣٤٥٦٧", undefined, "+971501234567"],
    ["+800 1234 5678", undefined, "+80012345678"],
    ["+49 1234 5678 9012 3", undefined, "+491234567890123"],
  ];
  for (const [input, cc, e164] of ACCEPTED) {
    test(`${JSON.stringify(input)}${cc ? ` (default +${cc})` : ""} -> ${e164}`, () => {
      assert.equal(parsePhoneNumber(input, cc).e164, e164);
    });
  }

  test("regions: shared codes list every region, main first; non-geographic is 001", () => {
    const nanp = parsePhoneNumber("+1 212 555 1234").regions;
    assert.equal(nanp.length, 25);
    assert.equal(nanp[0], "US");
    assert.ok(nanp.includes("CA"));
    assert.deepEqual([...parsePhoneNumber("+7 701 123 4567").regions], ["RU", "KZ"]);
    assert.deepEqual([...parsePhoneNumber("+800 1234 5678").regions], ["001"]);
    assert.equal(parsePhoneNumber("+1 310 1234").callingCode, 1);
  });

  // [input, defaultCallingCode, code, position]
  const REJECTED = [
    ["", undefined, "EMPTY"],
    ["  ", undefined, "EMPTY"],
    ["+44 7911 12345a", undefined, "INVALID_CHARACTER", 14],
    ["😀 +44", undefined, "INVALID_CHARACTER", 0],
    ["+44 😀", undefined, "INVALID_CHARACTER", 4], // code points, not UTF-16 units
    ["++44", undefined, "INVALID_CHARACTER", 1],
    ["+44 20 7946 0000 ext.", undefined, "INVALID_CHARACTER", 17],
    ["+44 20 7946 0000 x 1234567890", undefined, "INVALID_CHARACTER", 17],
    ["7911 123456", undefined, "MISSING_PLUS"],
    ["+999 1234 5678", undefined, "UNKNOWN_CALLING_CODE"],
    ["1234 5678", 999, "UNKNOWN_CALLING_CODE"],
    ["+", undefined, "TOO_SHORT"],
    ["00", undefined, "TOO_SHORT"],
    ["+44 7911", undefined, "TOO_SHORT"],
    ["+44 7911 1234", undefined, "TOO_SHORT"],
    ["+44 7911 1234567", undefined, "TOO_LONG"],
    ["+49 1234 5678 9012 34", undefined, "TOO_LONG"],
    ["+44 " + "1".repeat(1000), undefined, "TOO_LONG"],
  ];
  for (const [input, cc, code, position] of REJECTED) {
    test(`${JSON.stringify(input.length > 40 ? input.slice(0, 40) + "…" : input)} throws ${code}`, () => {
      const err = thrown(() => parsePhoneNumber(input, cc));
      assert.ok(err instanceof Error);
      assert.equal(err.name, "WaSignupError");
      assert.equal(err.code, code);
      assert.equal(err.position, position);
      assert.ok(err.message.length > 0 && err.message !== code);
    });
  }

  test("messages say the limit that was broken", () => {
    assert.equal(thrown(() => parsePhoneNumber("+44 791112")).message,
      "national number for +44 has 6 digits; at least 7 are needed");
    assert.equal(thrown(() => parsePhoneNumber("+44 7911 1234567")).message,
      "national number for +44 has 11 digits; at most 10 are allowed");
    assert.equal(thrown(() => parsePhoneNumber("+49 1234 5678 9012 34")).message,
      "phone number has 16 digits; E.164 allows at most 15");
  });

  test("wrong argument types throw INVALID_TYPE", () => {
    for (const bad of [undefined, null, 447911123456, {}, ["+447911123456"]]) {
      assert.equal(thrown(() => parsePhoneNumber(bad)).code, "INVALID_TYPE");
    }
    for (const cc of [44.5, -1, 70000, NaN, {}]) {
      assert.equal(thrown(() => parsePhoneNumber("7911123456", cc)).code, "INVALID_TYPE", String(cc));
    }
    // The binding reads the calling code with Number(…).
    assert.equal(parsePhoneNumber("7911123456", "44").e164, "+447911123456");
  });
});

describe("extensions", () => {
  // [input, e164, extension, position of the marker]
  const WITH_EXTENSION = [
    ["+1 212 555 1234;ext=12", "+12125551234", "12", 15],
    ["+44 7911 123456 ext. 12", "+447911123456", "12", 16],
    ["+44 7911 123456 EXT: 12", "+447911123456", "12", 16],
    ["+34 912 345 678 extensión 12", "+34912345678", "12", 16],
    ["+7 916 123-45-67 доб. 123", "+79161234567", "123", 17],
    ["+44 7911 123456 x12", "+447911123456", "12", 16],
    ["+44 7911 123456#12", "+447911123456", "12", 15],
    ["+44 7911 123456~12", "+447911123456", "12", 15],
    ["+44 7911 123456 int 12", "+447911123456", "12", 16],
    ["+44 7911 123456,,12", "+447911123456", "12", 15],
    ["+44 7911 123456;12", "+447911123456", "12", 15],
    ["+44 7911 123456,12", "+447911123456", "12", 15],
    ["+1 (645) 123-1234-910#", "+16451231234", "910", 21],
    ["+44 7911 123456 ｅｘｔ１２", "+447911123456", "12", 16],
  ];

  test("parsePhoneNumber keeps the extension apart from the E.164", () => {
    for (const [input, e164, extension] of WITH_EXTENSION) {
      const n = parsePhoneNumber(input);
      assert.equal(n.e164, e164, input);
      assert.equal(n.extension, extension, input);
      assert.deepEqual(Object.keys(n), ["e164", "callingCode", "nationalNumber", "regions", "extension"]);
    }
    assert.ok(!("extension" in parsePhoneNumber("+44 7911 123456")), "absent without one");
    assert.equal(parsePhoneNumber("07911 123456 x 12", 44).extension, "12");
  });

  test("toMetaPhoneParams refuses them: INVALID_CHARACTER at the marker", () => {
    for (const [input, , , position] of WITH_EXTENSION) {
      const err = thrown(() => toMetaPhoneParams(input));
      assert.equal(err.code, "INVALID_CHARACTER", input);
      assert.equal(err.position, position, input);
      assert.match(err.message, /WhatsApp numbers cannot have extensions/);
    }
  });

  test("isE164 and isE164Batch stay canonical-only", () => {
    assert.equal(isE164("+447911123456;ext=12"), false);
    assert.deepEqual([...isE164Batch("+447911123456\n+447911123456 x1\n+447911123456#1")], [1, 0, 0]);
  });

  test("~ is punctuation where no extension starts", () => {
    assert.equal(parsePhoneNumber("+66~81~234 5678").e164, "+66812345678");
    assert.equal(parsePhoneNumber("+66~8141234567").extension, undefined);
  });

  test("same split as libphonenumber-js", async () => {
    const { createRequire } = await import("node:module");
    const require = createRequire(import.meta.url);
    const { parsePhoneNumberFromString } = require("libphonenumber-js/min");
    const tails = [
      "", ";ext=7", ";EXT=1234", " ext 12", " ext. 1", ", Ext: 99", "EXTN-12", " extension 5",
      " extensión 5", " extensio\u0301n 5", " доб 12", " ДОБ. 3", " anexo 1", " ｅｘｔ１", " x12",
      "X1", " x 123456789", " x 1234567890", "#12", " #1#", " ＃2", "~12", "～1", " int 1",
      " ｉｎｔ1", ",,12", ";12", ";123456789012345", ";1234567890123456", ",12", ",1234567890",
      " , 12", ",,,:5", "-910#", " 123456#", " 1234567#", " - 12#", "x", " ext", "~",
      " ext 1 2", "\tx12", " x٠١", " ext 12345678901234567890", " ext 123456789012345678901",
    ];
    const heads = ["+44 7911 123456", "+1 (212) 555-1234", "+33 6 12 34 56 78", "+81 90 1234 5678"];
    let compared = 0;
    for (const head of heads) {
      for (const tail of tails) {
        const input = head + tail;
        // `extract: false`, as isPossiblePhoneNumber: the whole text is the number.
        const theirs = parsePhoneNumberFromString(input, { extract: false });
        let ours;
        try {
          ours = parsePhoneNumber(input);
        } catch {
          ours = undefined;
        }
        const theirView = theirs?.isPossible() ? [theirs.number, theirs.ext] : undefined;
        // Their ext keeps the digits as typed; ours are ASCII.
        const norm = (x) => x?.replace(/[\uFF10-\uFF19]/g, (c) => String(c.charCodeAt(0) - 0xff10))
          .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x660));
        const ourView = ours ? [ours.e164, ours.extension] : undefined;
        assert.deepEqual(ourView, theirView && [theirView[0], norm(theirView[1])], JSON.stringify(input));
        compared++;
      }
    }
    assert.equal(compared, heads.length * tails.length);
  });
});

describe("isE164", () => {
  const CASES = [
    ["+447911123456", true],
    ["+12125551234", true],
    ["+80012345678", true],
    ["+44 7911 123456", false],
    ["447911123456", false],
    ["+4479111234", false],
    ["+999123456789", false],
    ["+", false],
    ["", false],
    [" +447911123456", false],
    ["+447911123456\n", false],
    [undefined, false],
    [null, false],
    [447911123456, false],
  ];
  for (const [input, want] of CASES) {
    test(`isE164(${JSON.stringify(input)}) === ${want}`, () => {
      assert.equal(isE164(input), want);
    });
  }
});

describe("toMetaPhoneParams", () => {
  test("splits into { cc, phone_number } strings (seed 004)", () => {
    assert.deepEqual(toMetaPhoneParams("+1 (212) 555-1234"), { cc: "1", phone_number: "2125551234" });
    assert.deepEqual(toMetaPhoneParams("0039 06 1234 5678"), { cc: "39", phone_number: "0612345678" });
    assert.equal(Object.getPrototypeOf(toMetaPhoneParams("+447911123456")), Object.prototype);
  });

  test("throws the phone error codes", () => {
    assert.equal(thrown(() => toMetaPhoneParams("2125551234")).code, "MISSING_PLUS");
    assert.equal(thrown(() => toMetaPhoneParams("+1 212")).code, "TOO_SHORT");
    const err = thrown(() => toMetaPhoneParams("+1 212 x"));
    assert.equal(err.code, "INVALID_CHARACTER");
    assert.equal(err.position, 7);
  });
});

describe("isE164Batch", () => {
  test("one byte per line, \\n and \\r\\n, no entry after a final newline", () => {
    const out = isE164Batch("+447911123456\r\n+44 7911\n\n+12125551234\n");
    assert.ok(out instanceof Uint8Array);
    assert.deepEqual([...out], [1, 0, 0, 1]);
    assert.deepEqual([...isE164Batch("")], []);
    assert.deepEqual([...isE164Batch("\n")], [0]);
    assert.deepEqual([...isE164Batch("+12125551234")], [1]);
  });

  test("agrees with isE164 line by line", () => {
    const lines = [];
    for (let i = 0; i < 2000; i++) {
      const digits = String((i * 7919) % 1e6).padStart(6, "0");
      lines.push(["+4479", "+1212", "+999", "+44 79", "0044", "+33"][i % 6] + digits + (i % 5 === 0 ? "12" : ""));
    }
    const batch = isE164Batch(lines.join("\n"));
    assert.equal(batch.length, lines.length);
    lines.forEach((line, i) => assert.equal(batch[i], isE164(line) ? 1 : 0, line));
  });

  test("throws INVALID_TYPE for a non-string", () => {
    assert.equal(thrown(() => isE164Batch(["+447911123456"])).code, "INVALID_TYPE");
  });
});

describe("agreement with libphonenumber-js (min metadata)", () => {
  // A seeded corpus like the benchmark's: numbers of possible lengths for every
  // calling code, one digit short or long, a digit inserted or dropped, junk.
  // `isE164Batch` must agree with `isPossiblePhoneNumber` on >= 99.9% of the
  // numbers E.164 allows (at most 15 digits); longer ones are ours to refuse.
  test("isE164Batch agrees with isPossiblePhoneNumber on >= 99.9%", async () => {
    const { createRequire } = await import("node:module");
    const require = createRequire(import.meta.url);
    const { isPossiblePhoneNumber } = require("libphonenumber-js/min");
    const meta = require("libphonenumber-js/metadata.min.json");
    let seed = 20240611;
    const random = (n) => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const codes = [...Object.keys(meta.country_calling_codes), ...Object.keys(meta.nonGeographic)];
    const lengthsOf = (cc) => (meta.countries[meta.country_calling_codes[cc]?.[0]] ?? meta.nonGeographic[cc])[3];
    const digits = (n) => Array.from({ length: n }, () => random(10)).join("");
    const corpus = [];
    while (corpus.length < 50000) {
      const cc = codes[random(codes.length)];
      const lengths = lengthsOf(cc);
      const len = lengths[random(lengths.length)];
      let national = digits(len);
      switch (random(6)) {
        case 0: national = national.slice(0, -1); break;
        case 1: national += digits(1); break;
        case 2: { const p = random(len + 1); national = national.slice(0, p) + random(10) + national.slice(p); break; }
        case 3: { const p = random(len); national = national.slice(0, p) + national.slice(p + 1); break; }
        case 4: national = digits(random(16)); break;
        default: break;
      }
      if (cc.length + national.length <= 15) corpus.push(`+${cc}${national}`);
    }
    const ours = isE164Batch(corpus.join("\n"));
    const disagreements = corpus.filter((s, i) => (ours[i] === 1) !== isPossiblePhoneNumber(s));
    const rate = 1 - disagreements.length / corpus.length;
    assert.ok(rate >= 0.999, `agreement ${(rate * 100).toFixed(3)}%: ${disagreements.slice(0, 10).join(" ")}`);
  });
});
