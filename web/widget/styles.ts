/**
 * The widget's styles, inside its Shadow DOM: the host page's CSS cannot reach in, and these
 * rules cannot leak out. `:host { all: initial }` also stops inherited fonts and colours.
 */
export const STYLES = `
:host{all:initial}
.w{box-sizing:border-box;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--t);background:var(--b);
border:1px solid rgba(0,0,0,.15);border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.18);padding:16px 16px 12px;position:relative;max-width:440px}
.f{position:fixed;bottom:16px;z-index:2147483000;width:calc(100vw - 32px)}
.right{right:16px}.left{left:16px}
*{box-sizing:border-box;font:inherit;color:inherit}
p{margin:0 36px 12px 0;font-weight:600}
.x{position:absolute;top:8px;right:8px;width:36px;height:36px;border:0;background:none;cursor:pointer;border-radius:8px;font-size:22px;line-height:1}
.s{display:grid;gap:4px;padding:0;margin:0;border:0}
.s button{min-height:40px;border:1px solid var(--a);background:var(--b);color:var(--a);border-radius:6px;cursor:pointer;font-weight:600;padding:0}
.s button:hover,.s button[aria-pressed=true]{background:var(--a);color:var(--b)}
.e{display:flex;justify-content:space-between;font-size:12px;opacity:.8;margin:6px 0 0}
label{display:block;font-weight:600;margin-bottom:8px}
textarea{display:block;width:100%;min-height:72px;border:1px solid rgba(0,0,0,.3);border-radius:6px;padding:8px;resize:vertical;background:#fff;color:#111}
.r{display:flex;gap:8px;justify-content:flex-end;margin-top:10px}
.r button{min-height:40px;padding:0 16px;border-radius:6px;cursor:pointer;font-weight:600;border:1px solid var(--a);background:var(--b);color:var(--a)}
.r .p{background:var(--a);color:var(--b)}
button:focus-visible,textarea:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--a);outline-offset:2px}
.m{font-size:13px;margin:8px 0 0;min-height:1em}
.m:empty{display:none}
`;
