import { copyText } from "~/lib/clipboard";

/**
 * The "copy link" button of components/share-links.tsx on a page sent without React: it is
 * rendered hidden (copying needs JavaScript) with the link in `data-copy-url`; this shows it
 * and says in its status line, whose words it carries, whether the copy worked. The box with
 * the link selects it all on focus, as in React.
 */
export function enhanceCopyButtons(): void {
  for (const box of document.querySelectorAll<HTMLInputElement>("input[data-select-on-focus]")) {
    box.addEventListener("focus", () => box.select());
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-copy-url]")) {
    const status = document.getElementById(button.dataset.copyStatus ?? "");
    button.hidden = false;
    button.addEventListener("click", () => {
      void copyText(button.dataset.copyUrl ?? "").then((copied) => {
        if (!status) return;
        status.textContent = (copied ? status.dataset.copied : status.dataset.copyFailed) ?? "";
      });
    });
  }
}
