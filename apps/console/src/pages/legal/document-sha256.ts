/**
 * The SHA-256 of a file the user chose, computed in the browser with WebCrypto: the file is
 * read locally and never uploaded; only its 64-hex digest goes to the api.
 */
export async function documentSha256(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
