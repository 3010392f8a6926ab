/**
 * What an archived site shows in place of a citizen form (comments, rating, questions, polls,
 * feedback); a post sent anyway is refused by `citizenWrite` (kernel/http/citizen.ts).
 */
export function ArchiveClosed({ what }: { what: string }) {
  return <p class="archive-closed">{`Trang lưu trữ không nhận ${what} mới.`}</p>;
}
