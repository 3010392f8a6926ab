/** Content-Disposition of a download whose name is plain ASCII ("van-ban.csv"). */
export function contentDisposition(filename: string): string {
  if (!/^[a-z0-9.-]+$/.test(filename)) throw new Error(`Not a plain download name: ${filename}`);
  return `attachment; filename="${filename}"`;
}
