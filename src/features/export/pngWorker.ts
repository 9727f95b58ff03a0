/**
 * Encodes a drawn slide as PNG, off the page's thread (see `encodePng` in images.ts). Chromium
 * encodes a page's `canvas.toBlob` PNG in its idle moments, and waits up to 1 s for one before
 * encoding at once: an export waited that second whenever the page drew frames meanwhile. In a
 * worker the encoding starts at once.
 */
self.onmessage = async (e: MessageEvent<ImageBitmap>) => {
  try {
    const bitmap = e.data;
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('bitmaprenderer')!.transferFromImageBitmap(bitmap);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    self.postMessage(blob);
  } catch {
    self.postMessage(null);
  }
};
