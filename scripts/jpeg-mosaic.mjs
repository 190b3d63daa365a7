// Baseline JPEG at the level of quantised DCT coefficients: parse the header, entropy-decode the
// scan into coefficients, re-encode coefficients into a scan with the same Huffman tables, and
// assemble many small JPEGs into one large "mosaic" JPEG without re-quantising anything.
//
// Only what the CIFAR-10 JPEG archive needs is supported: 8-bit baseline sequential (SOF0), one
// interleaved scan over all components, no restart markers. Anything else throws.
//
// Coefficients are kept in zig-zag order, as they appear in the scan (index 0 = DC), with the DC
// value absolute (prediction undone). A JPEG's coefficients are an Int16Array of
// mcuCount × blocksPerMcu × 64, MCUs in raster order, and inside an MCU the blocks of component 0
// (h × v of them, raster order), then component 1, and so on — exactly the scan's order.

/** Natural (row-major) position of the k-th zig-zag coefficient. */
export const ZIGZAG = Int8Array.from([
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7,
  14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46,
  53, 60, 61, 54, 47, 55, 62, 63,
]);

function fail(message) {
  throw new Error(`JPEG: ${message}`);
}

/**
 * Parses the markers of a baseline JPEG up to its scan.
 * @param {Uint8Array} bytes
 */
export function parseJpeg(bytes) {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) fail('no SOI marker');
  const quant = [];
  const dc = [];
  const ac = [];
  let frame = null;
  let scan = null;
  let sofOffset = -1;
  let pos = 2;
  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) fail(`expected a marker at byte ${pos}`);
    const marker = bytes[pos + 1];
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    const length = (bytes[pos + 2] << 8) | bytes[pos + 3];
    const seg = pos + 4;
    const end = pos + 2 + length;
    if (marker === 0xdb) {
      for (let p = seg; p < end;) {
        const pq = bytes[p] >> 4;
        const tq = bytes[p] & 15;
        if (pq !== 0) fail('16-bit quantisation tables are not supported');
        quant[tq] = Uint16Array.from(bytes.subarray(p + 1, p + 65));
        p += 65;
      }
    } else if (marker === 0xc4) {
      for (let p = seg; p < end;) {
        const tc = bytes[p] >> 4;
        const th = bytes[p] & 15;
        const counts = Array.from(bytes.subarray(p + 1, p + 17));
        const total = counts.reduce((a, b) => a + b, 0);
        const values = Uint8Array.from(bytes.subarray(p + 17, p + 17 + total));
        (tc === 0 ? dc : ac)[th] = makeHuffman(counts, values);
        p += 17 + total;
      }
    } else if (marker === 0xc0) {
      sofOffset = pos;
      if (bytes[seg] !== 8) fail('only 8-bit precision is supported');
      const height = (bytes[seg + 1] << 8) | bytes[seg + 2];
      const width = (bytes[seg + 3] << 8) | bytes[seg + 4];
      const n = bytes[seg + 5];
      const components = [];
      for (let i = 0; i < n; i++) {
        const p = seg + 6 + i * 3;
        components.push({ id: bytes[p], h: bytes[p + 1] >> 4, v: bytes[p + 1] & 15, tq: bytes[p + 2] });
      }
      frame = { width, height, components };
    } else if (marker >= 0xc1 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      fail(`only baseline JPEG is supported (found SOF marker 0x${marker.toString(16)})`);
    } else if (marker === 0xdd) {
      if (((bytes[seg] << 8) | bytes[seg + 1]) !== 0) fail('restart markers are not supported');
    } else if (marker === 0xda) {
      if (!frame) fail('SOS before SOF0');
      const n = bytes[seg];
      const comps = [];
      for (let i = 0; i < n; i++) {
        const id = bytes[seg + 1 + i * 2];
        const t = bytes[seg + 2 + i * 2];
        const index = frame.components.findIndex((c) => c.id === id);
        comps.push({ index, td: t >> 4, ta: t & 15 });
      }
      const p = seg + 1 + n * 2;
      if (bytes[p] !== 0 || bytes[p + 1] !== 63 || bytes[p + 2] !== 0) fail('not a baseline sequential scan');
      if (n !== frame.components.length) fail('only one interleaved scan is supported');
      scan = { components: comps, headerEnd: end };
      break;
    }
    pos = end;
  }
  if (!frame || !scan) fail('no frame or scan found');
  const hmax = Math.max(...frame.components.map((c) => c.h));
  const vmax = Math.max(...frame.components.map((c) => c.v));
  const mcusX = Math.ceil(frame.width / (8 * hmax));
  const mcusY = Math.ceil(frame.height / (8 * vmax));
  const blocksPerMcu = frame.components.reduce((s, c) => s + c.h * c.v, 0);
  return {
    bytes,
    frame,
    scan,
    quant,
    dc,
    ac,
    sofOffset,
    hmax,
    vmax,
    mcusX,
    mcusY,
    blocksPerMcu,
    /** Everything from SOI to the end of the SOS header. */
    header: bytes.subarray(0, scan.headerEnd),
  };
}

/** Builds decoding (maxcode/valptr) and encoding (code/size per symbol) tables, ITU T.81 Annex C. */
function makeHuffman(counts, values) {
  const maxcode = new Int32Array(18).fill(-1);
  const mincode = new Int32Array(17);
  const valptr = new Int32Array(17);
  const code = new Uint16Array(256);
  const size = new Uint8Array(256);
  let c = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    valptr[len] = k;
    mincode[len] = c;
    for (let i = 0; i < counts[len - 1]; i++) {
      code[values[k]] = c;
      size[values[k]] = len;
      k++;
      c++;
    }
    maxcode[len] = counts[len - 1] ? c - 1 : -1;
    c <<= 1;
  }
  maxcode[17] = 0x7fffffff;
  return { counts, values, maxcode, mincode, valptr, code, size };
}

class BitReader {
  constructor(bytes, pos) {
    this.bytes = bytes;
    this.pos = pos;
    this.acc = 0;
    this.bits = 0;
  }
  bit() {
    if (this.bits === 0) {
      let b = 0;
      if (this.pos < this.bytes.length) {
        b = this.bytes[this.pos];
        if (b === 0xff) {
          const next = this.bytes[this.pos + 1];
          if (next === 0x00) this.pos += 2;
          else b = 0; // a marker: the scan has ended; feed zeros
        } else this.pos++;
      }
      this.acc = b;
      this.bits = 8;
    }
    this.bits--;
    return (this.acc >> this.bits) & 1;
  }
  receive(n) {
    let v = 0;
    for (let i = 0; i < n; i++) v = (v << 1) | this.bit();
    return v;
  }
  decode(table) {
    let code = this.bit();
    let len = 1;
    while (code > table.maxcode[len]) {
      code = (code << 1) | this.bit();
      len++;
      if (len > 16) fail('bad Huffman code in scan');
    }
    return table.values[table.valptr[len] + code - table.mincode[len]];
  }
}

function extend(v, s) {
  return v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
}

/** The scan's block layout: for each block of an MCU, which component it belongs to. */
function blockComponents(jpeg) {
  const out = [];
  for (const sc of jpeg.scan.components) {
    const c = jpeg.frame.components[sc.index];
    for (let i = 0; i < c.h * c.v; i++) out.push(sc);
  }
  return out;
}

/**
 * Entropy-decodes the scan into quantised coefficients (zig-zag order, absolute DC).
 * @returns {Int16Array} mcuCount × blocksPerMcu × 64
 */
export function decodeCoefficients(jpeg) {
  const { bytes, mcusX, mcusY, blocksPerMcu } = jpeg;
  const layout = blockComponents(jpeg);
  const out = new Int16Array(mcusX * mcusY * blocksPerMcu * 64);
  const reader = new BitReader(bytes, jpeg.scan.headerEnd);
  const pred = new Int32Array(jpeg.frame.components.length);
  let o = 0;
  for (let m = 0; m < mcusX * mcusY; m++) {
    for (let b = 0; b < blocksPerMcu; b++, o += 64) {
      const sc = layout[b];
      const t = reader.decode(jpeg.dc[sc.td]);
      const diff = t === 0 ? 0 : extend(reader.receive(t), t);
      pred[sc.index] += diff;
      out[o] = pred[sc.index];
      const acTable = jpeg.ac[sc.ta];
      for (let k = 1; k < 64;) {
        const rs = reader.decode(acTable);
        const r = rs >> 4;
        const s = rs & 15;
        if (s === 0) {
          if (r !== 15) break;
          k += 16;
          continue;
        }
        k += r;
        if (k > 63) fail('coefficient index past 63');
        out[o + k] = extend(reader.receive(s), s);
        k++;
      }
    }
  }
  return out;
}

class BitWriter {
  constructor(capacity) {
    this.out = new Uint8Array(capacity);
    this.length = 0;
    this.acc = 0;
    this.bits = 0;
  }
  byte(b) {
    if (this.length + 2 > this.out.length) {
      const grown = new Uint8Array(this.out.length * 2);
      grown.set(this.out);
      this.out = grown;
    }
    this.out[this.length++] = b;
    if (b === 0xff) this.out[this.length++] = 0; // byte stuffing
  }
  write(value, n) {
    // n ≤ 16; acc holds < 8 pending bits, so acc stays within 24 bits.
    this.acc = (this.acc << n) | (value & ((1 << n) - 1));
    this.bits += n;
    while (this.bits >= 8) {
      this.bits -= 8;
      this.byte((this.acc >> this.bits) & 0xff);
    }
    this.acc &= (1 << this.bits) - 1;
  }
  finish() {
    if (this.bits > 0) this.write(0x7f, 8 - this.bits); // pad with 1 bits
    return this.out.subarray(0, this.length);
  }
}

function category(v) {
  let a = v < 0 ? -v : v;
  let s = 0;
  while (a) {
    s++;
    a >>= 1;
  }
  return s;
}

function emit(writer, table, symbol) {
  const n = table.size[symbol];
  if (n === 0) fail(`symbol 0x${symbol.toString(16)} has no Huffman code`);
  writer.write(table.code[symbol], n);
}

/**
 * Huffman-encodes coefficients (laid out as decodeCoefficients returns them) with the tables of
 * `jpeg`, predicting DC afresh. Returns the entropy-coded bytes (stuffed, padded, no markers).
 */
export function encodeCoefficients(jpeg, coefficients, mcuCount) {
  const layout = blockComponents(jpeg);
  const { blocksPerMcu } = jpeg;
  const writer = new BitWriter(Math.max(1024, mcuCount * blocksPerMcu * 16));
  const pred = new Int32Array(jpeg.frame.components.length);
  let o = 0;
  for (let m = 0; m < mcuCount; m++) {
    for (let b = 0; b < blocksPerMcu; b++, o += 64) {
      const sc = layout[b];
      const dcTable = jpeg.dc[sc.td];
      const acTable = jpeg.ac[sc.ta];
      const diff = coefficients[o] - pred[sc.index];
      pred[sc.index] = coefficients[o];
      let s = category(diff);
      emit(writer, dcTable, s);
      if (s) writer.write(diff < 0 ? diff - 1 : diff, s);
      let run = 0;
      for (let k = 1; k < 64; k++) {
        const v = coefficients[o + k];
        if (v === 0) {
          run++;
          continue;
        }
        while (run > 15) {
          emit(writer, acTable, 0xf0);
          run -= 16;
        }
        s = category(v);
        emit(writer, acTable, (run << 4) | s);
        writer.write(v < 0 ? v - 1 : v, s);
        run = 0;
      }
      if (run > 0) emit(writer, acTable, 0x00);
    }
  }
  return writer.finish();
}

/** A complete JPEG file: `jpeg`'s header with the frame size replaced, the scan, EOI. */
export function writeJpeg(jpeg, width, height, scanBytes) {
  const header = Uint8Array.from(jpeg.header);
  const p = jpeg.sofOffset + 5;
  header[p] = height >> 8;
  header[p + 1] = height & 255;
  header[p + 2] = width >> 8;
  header[p + 3] = width & 255;
  const out = new Uint8Array(header.length + scanBytes.length + 2);
  out.set(header);
  out.set(scanBytes, header.length);
  out[out.length - 2] = 0xff;
  out[out.length - 1] = 0xd9;
  return out;
}

/**
 * Lays out tiles of equal size (each `tileMcusX` × `tileMcusY` MCUs, every MCU complete) in a
 * grid of `cols` columns and returns one JPEG holding exactly the same quantised coefficients.
 * @param {object} jpeg a parsed tile whose header (tables, sampling) every tile shares
 * @param {Int16Array[]} tiles each tile's coefficients (decodeCoefficients of that tile)
 */
export function buildMosaic(jpeg, tiles, cols, rows) {
  const { mcusX: tx, mcusY: ty, blocksPerMcu } = jpeg;
  if (jpeg.frame.width !== tx * 8 * jpeg.hmax || jpeg.frame.height !== ty * 8 * jpeg.vmax) {
    fail('tiles must be a whole number of MCUs wide and high');
  }
  if (tiles.length > cols * rows) fail('more tiles than grid cells');
  const mcuLen = blocksPerMcu * 64;
  const mosaicMcusX = cols * tx;
  const mosaicMcusY = rows * ty;
  const coefficients = new Int16Array(mosaicMcusX * mosaicMcusY * mcuLen);
  for (let my = 0; my < mosaicMcusY; my++) {
    for (let mx = 0; mx < mosaicMcusX; mx++) {
      const tile = tiles[Math.floor(my / ty) * cols + Math.floor(mx / tx)];
      if (!tile) continue; // an empty cell: all-zero coefficients, mid-grey
      const src = ((my % ty) * tx + (mx % tx)) * mcuLen;
      coefficients.set(tile.subarray(src, src + mcuLen), (my * mosaicMcusX + mx) * mcuLen);
    }
  }
  const scanBytes = encodeCoefficients(jpeg, coefficients, mosaicMcusX * mosaicMcusY);
  return writeJpeg(jpeg, cols * jpeg.frame.width, rows * jpeg.frame.height, scanBytes);
}

/** The coefficients of one tile cut back out of a mosaic's coefficients (for checks). */
export function tileCoefficients(mosaic, mosaicCoefficients, tile, tileJpeg, cols) {
  const { mcusX: tx, mcusY: ty, blocksPerMcu } = tileJpeg;
  const mcuLen = blocksPerMcu * 64;
  const out = new Int16Array(tx * ty * mcuLen);
  const col = tile % cols;
  const row = Math.floor(tile / cols);
  for (let y = 0; y < ty; y++) {
    for (let x = 0; x < tx; x++) {
      const src = ((row * ty + y) * mosaic.mcusX + col * tx + x) * mcuLen;
      out.set(mosaicCoefficients.subarray(src, src + mcuLen), (y * tx + x) * mcuLen);
    }
  }
  return out;
}

// ---- A plain pixel decoder (float IDCT, chroma replicated), for making test fixtures in Node ----

const COS = (() => {
  const t = new Float64Array(64);
  for (let x = 0; x < 8; x++) {
    for (let u = 0; u < 8; u++)
      t[x * 8 + u] = (u === 0 ? Math.SQRT1_2 : 1) * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
  }
  return t;
})();

function idctBlock(coef, o, q, out) {
  const f = new Float64Array(64);
  for (let k = 0; k < 64; k++) f[ZIGZAG[k]] = coef[o + k] * q[k];
  const tmp = new Float64Array(64);
  for (let y = 0; y < 8; y++) {
    for (let u = 0; u < 8; u++) {
      let s = 0;
      for (let v = 0; v < 8; v++) s += COS[y * 8 + v] * f[v * 8 + u];
      tmp[y * 8 + u] = s;
    }
  }
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      let s = 0;
      for (let u = 0; u < 8; u++) s += COS[x * 8 + u] * tmp[y * 8 + u];
      out[y * 8 + x] = s / 4 + 128;
    }
  }
}

/**
 * Decodes a baseline YCbCr (or greyscale) JPEG to RGB bytes, row-major, 3 per pixel. Close to, but
 * not bit-identical with, what browsers produce (they use integer IDCTs and smoothed upsampling).
 */
export function decodePixels(jpeg) {
  const { frame, mcusX, mcusY, hmax, vmax } = jpeg;
  const coef = decodeCoefficients(jpeg);
  const planeW = mcusX * 8 * hmax;
  const planeH = mcusY * 8 * vmax;
  const planes = frame.components.map(() => new Float64Array(planeW * planeH));
  const block = new Float64Array(64);
  let o = 0;
  for (let my = 0; my < mcusY; my++) {
    for (let mx = 0; mx < mcusX; mx++) {
      for (let ci = 0; ci < frame.components.length; ci++) {
        const c = frame.components[ci];
        const sx = hmax / c.h;
        const sy = vmax / c.v;
        for (let by = 0; by < c.v; by++) {
          for (let bx = 0; bx < c.h; bx++, o += 64) {
            idctBlock(coef, o, jpeg.quant[c.tq], block);
            for (let y = 0; y < 8 * sy; y++) {
              for (let x = 0; x < 8 * sx; x++) {
                const px = mx * 8 * hmax + (bx * 8 + Math.floor(x / sx)) * sx + (x % sx);
                const py = my * 8 * vmax + (by * 8 + Math.floor(y / sy)) * sy + (y % sy);
                planes[ci][py * planeW + px] = block[Math.floor(y / sy) * 8 + Math.floor(x / sx)];
              }
            }
          }
        }
      }
    }
  }
  const rgb = new Uint8Array(frame.width * frame.height * 3);
  const clamp = (v) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
  for (let y = 0; y < frame.height; y++) {
    for (let x = 0; x < frame.width; x++) {
      const i = y * planeW + x;
      const Y = planes[0][i];
      const o3 = (y * frame.width + x) * 3;
      if (planes.length === 1) {
        rgb[o3] = rgb[o3 + 1] = rgb[o3 + 2] = clamp(Y);
        continue;
      }
      const cb = planes[1][i] - 128;
      const cr = planes[2][i] - 128;
      rgb[o3] = clamp(Y + 1.402 * cr);
      rgb[o3 + 1] = clamp(Y - 0.344136 * cb - 0.714136 * cr);
      rgb[o3 + 2] = clamp(Y + 1.772 * cb);
    }
  }
  return rgb;
}
