import { Link } from "~/components/link";
import { useT } from "~/lib/i18n";
import type { OrgLevel } from "~db/schema";

/** A unit as the tree page lists it: `depth` 0 for the top units of the reader's reach. */
export interface TreeListEntry {
  code: string;
  name: string;
  level: OrgLevel;
  depth: number;
}

interface TreeNode extends TreeListEntry {
  children: TreeNode[];
}

/** The flat, depth-first list as nested nodes (each unit's children follow it, one deeper). */
function nest(entries: readonly TreeListEntry[]): TreeNode[] {
  const roots: TreeNode[] = [];
  const stack: TreeNode[] = [];
  for (const entry of entries) {
    const node: TreeNode = { ...entry, children: [] };
    while (stack.length > entry.depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return roots;
}

/**
 * The org tree as nested lists of links, so a screen reader announces each level; on a phone
 * each level is indented a little, never wider than the screen.
 */
export function OrgTreeList({ units, label }: { units: readonly TreeListEntry[]; label: string }) {
  return (
    <nav aria-label={label}>
      <Branch nodes={nest(units)} isTop />
    </nav>
  );
}

function Branch({ nodes, isTop = false }: { nodes: TreeNode[]; isTop?: boolean }) {
  const t = useT();
  return (
    <ul className={isTop ? "space-y-2" : "mt-2 space-y-2 border-l border-stone-300 pl-3 sm:pl-5"}>
      {nodes.map((node) => (
        <li key={node.code}>
          <Link
            to={`/quan-ly/to-chuc/${node.code}`}
            className="font-semibold text-brand-800 underline underline-offset-2 [overflow-wrap:anywhere]"
          >
            {node.name}
          </Link>
          <span className="block text-sm text-stone-600">
            {t("orgtree.levelAndCode", { level: t(`orgLevel.${node.level}`), code: node.code })}
          </span>
          {node.children.length > 0 ? <Branch nodes={node.children} /> : null}
        </li>
      ))}
    </ul>
  );
}
