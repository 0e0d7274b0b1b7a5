// Regenerates wwwroot-assets/fonts/display/*.json: the glyph outlines of the display faces generated posters are
// lettered in (ADR 0032). Posters are <img src=".svg">, which cannot load web fonts, so the title is drawn as paths.
//   mkdir -p /tmp/glyphs && cd /tmp/glyphs && npm install opentype.js @fontsource/anton @fontsource/bebas-neue \
//     @fontsource/oswald @fontsource/playfair-display @fontsource/cinzel @fontsource/fredoka @fontsource/righteous \
//     @fontsource/oxanium @fontsource/luckiest-guy
//   node /path/to/repo/scripts/artwork-glyphs.mjs /tmp/glyphs /path/to/repo/wwwroot-assets/fonts
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [modules, out] = process.argv.slice(2);
const require = createRequire(path.join(modules, 'package.json'));
const opentype = require('opentype.js');

// key, @fontsource package, file stem, licence file name
const faces = [
  ['anton', 'anton', 'anton-latin-400-normal', 'Anton-OFL.txt'],
  ['bebas-neue', 'bebas-neue', 'bebas-neue-latin-400-normal', 'BebasNeue-OFL.txt'],
  ['oswald-light', 'oswald', 'oswald-latin-300-normal', 'Oswald-OFL.txt'],
  ['playfair-italic', 'playfair-display', 'playfair-display-latin-700-italic', 'PlayfairDisplay-OFL.txt'],
  ['playfair-black', 'playfair-display', 'playfair-display-latin-900-normal', 'PlayfairDisplay-OFL.txt'],
  ['cinzel', 'cinzel', 'cinzel-latin-700-normal', 'Cinzel-OFL.txt'],
  ['fredoka', 'fredoka', 'fredoka-latin-600-normal', 'Fredoka-OFL.txt'],
  ['righteous', 'righteous', 'righteous-latin-400-normal', 'Righteous-OFL.txt'],
  ['oxanium', 'oxanium', 'oxanium-latin-700-normal', 'Oxanium-OFL.txt'],
  ['luckiest-guy', 'luckiest-guy', 'luckiest-guy-latin-400-normal', 'LuckiestGuy-LICENSE.txt'],
];

// Printable ASCII, Latin-1 letters and the typographic quotes and dashes.
const chars = [];
for (let c = 0x20; c < 0x7f; c++) chars.push(String.fromCharCode(c));
for (let c = 0xc0; c <= 0xff; c++) if (c !== 0xd7 && c !== 0xf7) chars.push(String.fromCharCode(c));
chars.push('‘', '’', '“', '”', '–', '—', '…', '·');

const round = (v) => Math.round(v);
// Relative commands on integer font units, y flipped so the poster can scale the outlines by a positive factor.
function pathData(glyph) {
  const parts = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  const rel = (px, py) => `${round(px) - x} ${-round(py) - y}`;
  for (const c of glyph.path.commands) {
    switch (c.type) {
      case 'M': parts.push(`m${rel(c.x, c.y)}`); break;
      case 'L': {
        const dx = round(c.x) - x;
        const dy = -round(c.y) - y;
        if (dx !== 0 || dy !== 0) parts.push(dy === 0 ? `h${dx}` : dx === 0 ? `v${dy}` : `l${dx} ${dy}`);
        break;
      }
      case 'Q': parts.push(`q${rel(c.x1, c.y1)} ${rel(c.x, c.y)}`); break;
      case 'C': parts.push(`c${rel(c.x1, c.y1)} ${rel(c.x2, c.y2)} ${rel(c.x, c.y)}`); break;
      case 'Z': parts.push('z'); x = startX; y = startY; continue;
    }
    x = round(c.x);
    y = -round(c.y);
    if (c.type === 'M') {
      startX = x;
      startY = y;
    }
  }
  return parts.join('').replace(/ -/g, '-');
}

for (const [key, pkg, stem, licence] of faces) {
  const dir = path.join(modules, 'node_modules', '@fontsource', pkg);
  const font = opentype.parse(fs.readFileSync(path.join(dir, 'files', stem + '.woff')).buffer.slice(0));
  const glyphs = {};
  for (const ch of chars) {
    const g = font.charToGlyph(ch);
    if (!g || g.index === 0) continue;
    glyphs[ch] = [round(g.advanceWidth), ch === ' ' ? '' : pathData(g)];
  }
  const letters = chars.filter((c) => /[A-Za-z]/.test(c) && glyphs[c]);
  const kerning = {};
  for (const a of letters) for (const b of letters) {
    const k = font.getKerningValue(font.charToGlyph(a), font.charToGlyph(b));
    if (Math.abs(k) >= 10) kerning[a + b] = round(k);
  }
  const cap = font.charToGlyph('H').getBoundingBox();
  const data = {
    family: (font.names.fontFamily ?? font.names.windows?.fontFamily ?? font.names.macintosh?.fontFamily)?.en ?? key,
    source: `@fontsource/${pkg} ${stem}.woff`,
    licence,
    unitsPerEm: font.unitsPerEm,
    capHeight: round(cap.y2),
    ascender: round(font.ascender),
    descender: round(font.descender),
    glyphs,
    kerning,
  };
  fs.writeFileSync(path.join(out, 'display', key + '.json'), JSON.stringify(data) + '\n');
  fs.copyFileSync(path.join(dir, 'LICENSE'), path.join(out, licence));
  console.log(key, data.family, Object.keys(glyphs).length, 'glyphs', Object.keys(kerning).length, 'kerning pairs');
}
