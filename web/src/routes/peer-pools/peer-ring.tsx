// The proposed visits of a peer pool as a picture: the members on a ring, an arrow from each
// auditing member to the member it audits. The same facts are in the table next to it and in the
// picture's text alternative, so nobody needs the picture.
import type { PeerPool } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';

const SIZE = 320;
const CENTRE = SIZE / 2;
const RING = 120;
const NODE = 18;

/** Point i of n on the ring, the first at the top, clockwise. */
function position(i: number, n: number, radius = RING): { x: number; y: number } {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  return { x: CENTRE + radius * Math.cos(angle), y: CENTRE + radius * Math.sin(angle) };
}

export function peerVisitsText(pool: PeerPool, t: ReturnType<typeof useI18n>['t']): string {
  return pool.visits
    .map((v) => t('peerPools.visitSentence', { audited: v.audited.name, auditors: v.auditors.map((a) => a.name).join(` ${t('peerPools.and')} `), ci: v.led_by.name }))
    .join(' ');
}

export function PeerRing({ pool }: { pool: PeerPool }) {
  const { t } = useI18n();
  const n = pool.members.length;
  const index = new Map(pool.members.map((m, i) => [m.id, i]));
  const descriptionId = `pool-${pool.id}-ring-tekst`;
  const arrows: { from: number; to: number }[] = [];
  for (const visit of pool.visits) {
    const to = index.get(visit.audited.id);
    for (const auditor of visit.auditors) {
      const from = index.get(auditor.id);
      if (from !== undefined && to !== undefined) {
        arrows.push({ from, to });
      }
    }
  }
  return (
    <figure className="peer-ring">
      <svg
        className="peer-ring__svg"
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-labelledby={`pool-${pool.id}-ring-titel ${descriptionId}`}
        focusable="false"
      >
        <title id={`pool-${pool.id}-ring-titel`}>{t('peerPools.ringTitle', { name: pool.name })}</title>
        <defs>
          <marker id={`pijl-${pool.id}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0L10 5L0 10z" fill="currentColor" />
          </marker>
        </defs>
        <circle cx={CENTRE} cy={CENTRE} r={RING} fill="none" className="peer-ring__track" />
        {arrows.map(({ from, to }) => {
          const a = position(from, n);
          const b = position(to, n);
          // Bow each arrow to its own side, so A→B and B→A do not overlap; stop short of the node.
          const mx = (a.x + b.x) / 2;
          const my = (a.y + b.y) / 2;
          const dx = b.x - a.x;
          const dy = b.y - a.y;
          const length = Math.hypot(dx, dy) || 1;
          const bow = 0.18 * length;
          const cx = mx - (dy / length) * bow;
          const cy = my + (dx / length) * bow;
          const endDx = b.x - cx;
          const endDy = b.y - cy;
          const endLength = Math.hypot(endDx, endDy) || 1;
          const ex = b.x - (endDx / endLength) * (NODE + 3);
          const ey = b.y - (endDy / endLength) * (NODE + 3);
          const startDx = cx - a.x;
          const startDy = cy - a.y;
          const startLength = Math.hypot(startDx, startDy) || 1;
          const sx = a.x + (startDx / startLength) * (NODE + 2);
          const sy = a.y + (startDy / startLength) * (NODE + 2);
          return (
            <path
              key={`${from}-${to}`}
              d={`M${sx.toFixed(1)} ${sy.toFixed(1)} Q${cx.toFixed(1)} ${cy.toFixed(1)} ${ex.toFixed(1)} ${ey.toFixed(1)}`}
              className="peer-ring__arrow"
              markerEnd={`url(#pijl-${pool.id})`}
            />
          );
        })}
        {pool.members.map((m, i) => {
          const p = position(i, n);
          return (
            <g key={m.id}>
              <circle cx={p.x} cy={p.y} r={NODE} className="peer-ring__node" />
              <text x={p.x} y={p.y + 5} textAnchor="middle" className="peer-ring__number">
                {i + 1}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ol className="peer-ring__legend">
          {pool.members.map((m) => (
            <li key={m.id}>{m.name}</li>
          ))}
        </ol>
        <p className="muted">{t('peerPools.ringCaption')}</p>
      </figcaption>
      <p id={descriptionId} className="visually-hidden">
        {peerVisitsText(pool, t)}
      </p>
    </figure>
  );
}
