// Colour swatches take their colour from data: set through the CSSOM (the CSP forbids style attributes).
export function paintSwatches(root) {
  root.querySelectorAll('.swatch[data-color]').forEach((swatch) => {
    if (/^#[0-9a-fA-F]{3,8}$/.test(swatch.dataset.color)) swatch.style.backgroundColor = swatch.dataset.color;
  });
}
