// One chart of the trend analysis, drawn by Observable Plot (loaded on first use, so the rest of the
// app does not carry it). The wrapper is role="img" with a summary as its aria-label; the same
// figures are always in a table beside the chart, so the SVG itself is only a picture.
//
// Plot puts a <style> element inside each SVG; the Content-Security-Policy allows no inline styles,
// so it is taken out before the SVG enters the page, and its rules live in styles/trends.css.
import { useEffect, useRef } from 'react';

export type PlotModule = typeof import('@observablehq/plot');

/** The verdicts' colours (also used by the HTML legend in trends.css). */
export const VERDICT_COLOURS: Record<string, string> = {
  '+': '#2e7d32',
  '+/-': '#e0a100',
  '-': '#c62828',
  'n.v.t.': '#8a8f98',
};

export function TrendChart({
  label,
  render,
  testId,
}: {
  /** What the chart shows, in a sentence or two: the aria-label of the role="img" wrapper. */
  label: string;
  /** Draws the chart for the given width; called again when the data (deps) or width change. */
  render: (plot: PlotModule, width: number) => SVGSVGElement | HTMLElement;
  testId?: string;
}) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    import('@observablehq/plot')
      .then((plot) => {
        const element = container.current;
        if (cancelled || !element) {
          return;
        }
        const width = Math.max(320, Math.min(element.clientWidth || 640, 960));
        const chart = render(plot, width);
        chart.querySelectorAll('style').forEach((style) => style.remove());
        chart.setAttribute('aria-hidden', 'true');
        chart.removeAttribute('aria-label');
        element.replaceChildren(chart);
      })
      .catch(() => {
        // Without the chart the table beside it still has every figure.
      });
    return () => {
      cancelled = true;
    };
  }, [render]);

  return (
    <div className="trend-chart" role="img" aria-label={label} data-testid={testId}>
      <div ref={container} className="trend-chart__canvas" />
    </div>
  );
}
