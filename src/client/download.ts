// Saving something as a file: a Blob URL and a click on a temporary link. Shared by the model
// save (client/inspect.ts) and the lab's exports (ui/lab/download.ts).

export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: the download reads the URL after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
