/** `intersects`: an array fact shares at least one item with the array value (tags, lexicon ids, hosts). */
export const intersects = {
  name: 'intersects',
  evaluate(factValue: unknown, value: unknown): boolean {
    if (!Array.isArray(factValue)) return false;
    const wanted = Array.isArray(value) ? value : [value];
    return factValue.some((item) => wanted.includes(item));
  },
};
