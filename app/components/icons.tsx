/** Small inline icons (decorative: the text next to them, or an aria-label, names the action). */

type IconProps = { className?: string };

const base = {
  "aria-hidden": true,
  focusable: false,
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 2,
  strokeLinecap: "round",
  strokeLinejoin: "round",
  viewBox: "0 0 24 24",
} as const;

export function CartIcon({ className = "h-6 w-6" }: IconProps) {
  return (
    <svg {...base} className={className}>
      <circle cx="9" cy="20" r="1.5" />
      <circle cx="18" cy="20" r="1.5" />
      <path d="M2 3h3l2.7 12.4a2 2 0 0 0 2 1.6h8.6a2 2 0 0 0 2-1.6L22 7H6" />
    </svg>
  );
}

export function BellIcon({ className = "h-6 w-6" }: IconProps) {
  return (
    <svg {...base} className={className}>
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8" />
      <path d="M10.3 20a1.9 1.9 0 0 0 3.4 0" />
    </svg>
  );
}

export function UserIcon({ className = "h-6 w-6" }: IconProps) {
  return (
    <svg {...base} className={className}>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21a8 8 0 0 1 16 0" />
    </svg>
  );
}

export function SearchIcon({ className = "h-5 w-5" }: IconProps) {
  return (
    <svg {...base} className={className}>
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </svg>
  );
}

export function ChevronDownIcon({ className = "h-4 w-4" }: IconProps) {
  return (
    <svg {...base} className={className}>
      <path d="m6 9 6 6 6-6" />
    </svg>
  );
}

export function StarIcon({ className = "h-4 w-4" }: IconProps) {
  return (
    <svg
      aria-hidden
      focusable={false}
      viewBox="0 0 24 24"
      fill="currentColor"
      className={className}
    >
      <path d="M12 2.5l2.9 6 6.6.9-4.8 4.6 1.2 6.5L12 17.4l-5.9 3.1 1.2-6.5L2.5 9.4l6.6-.9z" />
    </svg>
  );
}

/** The Cung Cầu mark: two hands meeting over a leaf (supply meets demand). */
export function LogoMark({ className = "h-8 w-8" }: IconProps) {
  return (
    <svg aria-hidden focusable={false} viewBox="0 0 32 32" className={className}>
      <rect width="32" height="32" rx="8" fill="#166534" />
      <path d="M16 6c5 3 7 7 6 12-5 0-9-3-6-12z" fill="#86efac" />
      <path d="M6 20c4 0 6 1 10 4 4-3 6-4 10-4v3c-4 0-6 1-10 4-4-3-6-4-10-4z" fill="#fbcfe8" />
    </svg>
  );
}

/** Stands in for a product photo that has not been uploaded yet. */
export function ProducePlaceholder({ className = "h-16 w-16" }: IconProps) {
  return (
    <svg aria-hidden focusable={false} viewBox="0 0 64 64" className={className}>
      <path d="M32 8c12 7 17 17 14 29-12 0-21-8-14-29z" fill="currentColor" opacity="0.55" />
      <path
        d="M10 40c9 0 14 2 22 8 8-6 13-8 22-8v7c-9 0-14 2-22 8-8-6-13-8-22-8z"
        fill="currentColor"
      />
    </svg>
  );
}
