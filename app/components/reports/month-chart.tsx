import { formatNumber, useLocale } from "~/lib/i18n";

export interface MonthColumn {
  /** "YYYY-MM" */
  month: string;
  value: number;
}

const WIDTH = 400;
const HEIGHT = 230;
const LEFT = 86;
const TOP = 12;
const PLOT_HEIGHT = 170;

/**
 * Sales month by month as columns drawn on the server as SVG (shows without JavaScript and in
 * print): a scale at zero, half and the highest month, each column labelled with its month,
 * and the year under January and the first column. The SVG is an image named by `title` and
 * described by `summary`; the figures are in the table beside it.
 */
export function MonthChart({
  id,
  title,
  summary,
  columns,
}: {
  id: string;
  title: string;
  summary: string;
  columns: readonly MonthColumn[];
}) {
  const locale = useLocale();
  const max = Math.max(1, ...columns.map((column) => column.value));
  const step = (WIDTH - LEFT) / Math.max(1, columns.length);
  const baseline = TOP + PLOT_HEIGHT;
  const scale = [0, max / 2, max].map((value) => Math.round(value));
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="block h-auto max-w-xl print:max-w-md"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {scale.map((value, index) => {
        const y = baseline - (value / max) * PLOT_HEIGHT;
        return (
          <g key={index}>
            <line x1={LEFT} x2={WIDTH} y1={y} y2={y} className="stroke-stone-300" strokeWidth={1} />
            <text x={LEFT - 6} y={y + 4} textAnchor="end" className="fill-stone-700 text-[12px]">
              {formatNumber(value, locale)}
            </text>
          </g>
        );
      })}
      {columns.map((column, index) => {
        const height = Math.max(0, (column.value / max) * PLOT_HEIGHT);
        const x = LEFT + index * step;
        const [year = "", month = ""] = column.month.split("-");
        const showYear = index === 0 || month === "01";
        return (
          <g key={column.month}>
            <rect
              x={x + step * 0.15}
              y={baseline - height}
              width={step * 0.7}
              height={height}
              className="fill-brand-600"
            />
            <text
              x={x + step / 2}
              y={baseline + 17}
              textAnchor="middle"
              className="fill-stone-800 text-[13px]"
            >
              {month}
            </text>
            {showYear ? (
              <text
                x={x + step / 2}
                y={baseline + 32}
                textAnchor="middle"
                className="fill-stone-600 text-[11px]"
              >
                {year}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
