/** `part` as a share of `whole`, from 0 to 1; null, not zero, when the whole is empty. */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
