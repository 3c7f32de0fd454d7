// Generates the add-in's ribbon and store icons (icon-16.png … icon-128.png) with Node built-ins only.
// Run: node assets/make-icons.js. The design is a ledger page: a blue tile with three white rows,
// drawn at each size directly so that small icons stay crisp instead of being downscaled.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x0f, 0x6c, 0xbd, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];
const CLEAR = [0, 0, 0, 0];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Colour of pixel (x, y) in an icon of `size` pixels: rounded tile, three ledger rows. */
function pixel(size, x, y) {
  const margin = Math.max(1, Math.round(size / 16));
  const radius = Math.max(1, Math.round(size / 8));
  const lo = margin;
  const hi = size - 1 - margin;
  if (x < lo || x > hi || y < lo || y > hi) return CLEAR;
  const cx = Math.min(Math.max(x, lo + radius), hi - radius);
  const cy = Math.min(Math.max(y, lo + radius), hi - radius);
  if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) return CLEAR;
  const bar = Math.max(1, Math.round(size / 10));
  const left = Math.round(size * 0.25);
  const right = Math.round(size * 0.75);
  for (const row of [0.3, 0.5, 0.7]) {
    const top = Math.round(size * row - bar / 2);
    if (y >= top && y < top + bar && x >= left && x < right) return WHITE;
  }
  return BLUE;
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const rowStart = y * (size * 4 + 1); // first byte of each row: filter type 0
    for (let x = 0; x < size; x++) Buffer.from(pixel(size, x, y)).copy(raw, rowStart + 1 + x * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) fs.writeFileSync(path.join(__dirname, `icon-${size}.png`), png(size));
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(", ")}`);
