// A CIFAR image as a BMP data URL, for an <img>: the sample grid drew each image on a canvas of
// its own, and making tens of 2D contexts at once held the page for ~70 ms when the data arrived.
// An <img> is decoded off the page's thread and needs no context. Pure, so it is tested in Node.

/** 24-bit BMP bytes of `width`×`height` RGB pixels (row-major from the top left, 3 bytes each). */
export function rgbToBmp(pixels: Uint8Array, width: number, height: number): Uint8Array {
  const row = Math.ceil((width * 3) / 4) * 4; // rows are padded to 4 bytes
  const size = 54 + row * height;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  out[0] = 0x42; // 'B'
  out[1] = 0x4d; // 'M'
  v.setUint32(2, size, true);
  v.setUint32(10, 54, true); // where the pixels start
  v.setUint32(14, 40, true); // BITMAPINFOHEADER
  v.setInt32(18, width, true);
  v.setInt32(22, height, true); // positive: the bottom row comes first
  v.setUint16(26, 1, true); // planes
  v.setUint16(28, 24, true); // bits per pixel
  v.setUint32(34, row * height, true);
  v.setInt32(38, 2835, true); // 72 dpi
  v.setInt32(42, 2835, true);
  for (let y = 0; y < height; y++) {
    const at = 54 + (height - 1 - y) * row;
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 3;
      out[at + x * 3] = pixels[p + 2]; // BMP keeps blue, green, red
      out[at + x * 3 + 1] = pixels[p + 1];
      out[at + x * 3 + 2] = pixels[p];
    }
  }
  return out;
}

/** The image as a data: URL (the page's CSP allows data: images). */
export function bmpDataUrl(pixels: Uint8Array, width: number, height: number): string {
  const bytes = rgbToBmp(pixels, width, height);
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return `data:image/bmp;base64,${btoa(s)}`;
}
