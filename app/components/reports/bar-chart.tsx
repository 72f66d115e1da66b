import { formatNumber, useLocale } from "~/lib/i18n";

export interface Bar {
  label: string;
  value: number;
}

const WIDTH = 400;
const ROW = 50;
const BAR = 18;
/** Longer names are cut so the text stays inside the drawing. */
const MAX_LABEL = 46;

/**
 * Horizontal bars drawn on the server as SVG, so they show without JavaScript and in print:
 * each bar's name above it and its value at its end, readable on a 360 px phone. The SVG is
 * an image named by `title` and described by `summary`, the text alternative; the figures
 * themselves are in the table the page puts beside it. Negative values (refunds larger than
 * sales) draw no bar but keep their number.
 */
export function BarChart({
  id,
  title,
  summary,
  bars,
}: {
  id: string;
  title: string;
  summary: string;
  bars: readonly Bar[];
}) {
  const locale = useLocale();
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const height = bars.length * ROW + 4;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="block h-auto max-w-xl print:max-w-sm"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {bars.map((bar, index) => {
        const top = index * ROW;
        const length = Math.max(0, (bar.value / max) * (WIDTH * 0.72));
        return (
          <g key={`${bar.label}-${index}`}>
            <text x={0} y={top + 16} className="fill-stone-800 text-[15px]">
              {bar.label.length > MAX_LABEL ? `${bar.label.slice(0, MAX_LABEL - 1)}…` : bar.label}
            </text>
            <rect
              x={0}
              y={top + 23}
              width={length}
              height={BAR}
              rx={2}
              className="fill-brand-600"
            />
            <text x={length + 6} y={top + 37} className="fill-stone-900 text-[14px] font-semibold">
              {formatNumber(bar.value, locale)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
