// Draws the marketplace icon, media/icon.png (128×128), with nothing but Node: shapes are
// rasterized with 4×4 supersampling and written by a small PNG encoder (zlib + CRC-32).
// The motif is the activity-bar icon's (media/phaselens.svg): a lens whose rim is three phases,
// here coloured as done / in progress / planned. Run: node scripts/make-icon.mjs [out.png]
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;
const out = process.argv[2] ?? new URL('../media/icon.png', import.meta.url);

// Geometry in the SVG's 24×24 units, mapped onto the canvas with a margin.
const SCALE = 4.7;
const OFFSET = 7;
const toCanvas = (v) => OFFSET + v * SCALE;

const hex = (value, alpha = 1) => [parseInt(value.slice(1, 3), 16), parseInt(value.slice(3, 5), 16), parseInt(value.slice(5, 7), 16), alpha];

/** Each shape answers "does this canvas point belong to me?". */
const roundedSquare = (radius) => (x, y) => {
  const dx = Math.max(radius - x, 0, x - (SIZE - radius));
  const dy = Math.max(radius - y, 0, y - (SIZE - radius));
  return dx * dx + dy * dy <= radius * radius;
};

const arc = (cx, cy, r, width, fromDeg, toDeg) => (x, y) => {
  const [px, py, pr, half] = [toCanvas(cx), toCanvas(cy), r * SCALE, (width * SCALE) / 2];
  const d = Math.hypot(x - px, y - py);
  if (Math.abs(d - pr) > half) return false;
  let angle = (Math.atan2(y - py, x - px) * 180) / Math.PI;
  while (angle < fromDeg) angle += 360;
  return angle <= toDeg;
};

const capsule = (x0, y0, x1, y1, width) => (x, y) => {
  const [ax, ay, bx, by, half] = [toCanvas(x0), toCanvas(y0), toCanvas(x1), toCanvas(y1), (width * SCALE) / 2];
  const [vx, vy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy)) <= half;
};

const polyline = (points, width) => {
  const parts = points.slice(1).map((point, i) => capsule(...points[i], ...point, width));
  return (x, y) => parts.some((part) => part(x, y));
};

const disc = (cx, cy, r) => (x, y) => Math.hypot(x - toCanvas(cx), y - toCanvas(cy)) <= r * SCALE;

// Painted in order, later over earlier.
const layers = [
  [roundedSquare(26), hex('#1e2a38')],
  [disc(10, 10, 6), hex('#ffffff', 0.07)],
  [arc(10, 10, 7, 2.4, 60, 150), hex('#8b98a9')], // planned
  [arc(10, 10, 7, 2.4, 180, 270), hex('#3fb950')], // done
  [arc(10, 10, 7, 2.4, 300, 390), hex('#4aa3ff')], // in progress
  [polyline([[6.6, 10.3], [8.9, 12.6], [13.5, 7.8]], 2.1), hex('#3fb950')],
  [capsule(15, 15, 21.3, 21.3, 3.2), hex('#d7dee8')],
];

const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        // Source-over compositing of every layer that covers this sample (premultiplied).
        let [sr, sg, sb, sa] = [0, 0, 0, 0];
        for (const [covers, [cr, cg, cb, ca]] of layers) {
          if (!covers(px, py)) continue;
          sr = cr * ca + sr * (1 - ca);
          sg = cg * ca + sg * (1 - ca);
          sb = cb * ca + sb * (1 - ca);
          sa = ca + sa * (1 - ca);
        }
        r += sr;
        g += sg;
        b += sb;
        a += sa;
      }
    }
    const n = SAMPLES * SAMPLES;
    const offset = (y * SIZE + x) * 4;
    const alpha = a / n;
    // Back from premultiplied to straight alpha, as PNG stores it.
    pixels[offset] = alpha ? Math.round(r / n / alpha) : 0;
    pixels[offset + 1] = alpha ? Math.round(g / n / alpha) : 0;
    pixels[offset + 2] = alpha ? Math.round(b / n / alpha) : 0;
    pixels[offset + 3] = Math.round(alpha * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // Every scanline starts with filter type 0 (none); zlib does the compressing.
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync(out, encodePng(SIZE, SIZE, pixels));
console.log(`wrote ${out instanceof URL ? out.pathname : out}`);
