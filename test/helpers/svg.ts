// SVG snapshots that do not fail on a float's last digits: numbers to 3 decimals, one tag a line.
export function normaliseSvg(svg: string): string {
  return svg
    .replace(/-?\d+\.\d+/g, (n) => String(Number(Number(n).toFixed(3))))
    .replace(/></g, '>\n<');
}
