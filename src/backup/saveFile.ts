/** Offers bytes as a downloaded file through a temporary object URL (task pane and workbench). */
export function downloadFile(name: string, bytes: Uint8Array, type = "application/gzip"): void {
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  // Revoked later: the download reads the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "inventory-ledger-demo-2026-01-01T1000.invbak" from the manifest's company and created-at. */
export function backupFileName(companyId: string | undefined, createdAt: string): string {
  const stamp = createdAt.slice(0, 16).replace(":", "");
  const company = (companyId ?? "empty").replace(/[^A-Za-z0-9_-]+/g, "_");
  return `inventory-ledger-${company}-${stamp}.invbak`;
}
