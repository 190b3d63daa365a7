import { useEffect, useRef } from 'react';

/** Draws RGB bytes (width×height×3, row-major) into a canvas shown at `display` CSS pixels, unsmoothed. */
export function PixelCanvas(props: {
  pixels: Uint8Array;
  width: number;
  height: number;
  display: number;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { pixels, width, height } = props;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(rgbToImageData(pixels, width, height), 0, 0);
  }, [pixels, width, height]);
  return (
    <canvas
      ref={ref}
      className="pixelated"
      width={width}
      height={height}
      style={{ width: props.display, height: (props.display * height) / width }}
      role="img"
      aria-label={props.label}
    />
  );
}

/** RGB bytes → ImageData (opaque). */
export function rgbToImageData(pixels: Uint8Array, width: number, height: number, offset = 0): ImageData {
  const img = new ImageData(width, height);
  for (let i = 0; i < width * height; i++) {
    img.data[i * 4] = pixels[offset + i * 3];
    img.data[i * 4 + 1] = pixels[offset + i * 3 + 1];
    img.data[i * 4 + 2] = pixels[offset + i * 3 + 2];
    img.data[i * 4 + 3] = 255;
  }
  return img;
}
