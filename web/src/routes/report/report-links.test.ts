import { describe, expect, it } from 'vitest';
import { reportLinks } from './report-links';

const paths = (links: { path: string }[]) => links.map((l) => l.path.split('/').at(-1));

describe('report links per role and state', () => {
  it('offers nothing before the audit is planned', () => {
    for (const role of ['auditor', 'ci-admin', 'member', 'secretariat'] as const) {
      expect(reportLinks(4, 'registered', role)).toEqual([]);
      expect(reportLinks(4, 'requested', role)).toEqual([]);
    }
  });

  it('gives the CI the findings, Part A and the report from planning on', () => {
    expect(paths(reportLinks(4, 'planned', 'auditor'))).toEqual(['bevindingen', 'deel-a', 'rapport']);
    expect(reportLinks(4, 'planned', 'ci-admin')[0].path).toBe('/trajecten/4/bevindingen');
    expect(paths(reportLinks(4, 'certified', 'auditor'))).toEqual(['bevindingen', 'deel-a', 'rapport']);
  });

  it('gives the member the report once the concept is sent, the secretariat once the findings are final', () => {
    expect(reportLinks(4, 'planned', 'member')).toEqual([]);
    expect(paths(reportLinks(4, 'concept', 'member'))).toEqual(['rapport', 'bevindingen', 'deel-a']);
    expect(reportLinks(4, 'planned', 'secretariat')).toEqual([]);
    expect(reportLinks(4, 'concept', 'secretariat')).toEqual([]);
    expect(reportLinks(4, 'finalising', 'secretariat')).toEqual([]);
    expect(paths(reportLinks(4, 'plan', 'secretariat'))).toEqual(['rapport', 'deel-a']);
    expect(paths(reportLinks(4, 'part-a', 'secretariat'))).toEqual(['rapport', 'deel-a']);
  });

  it('never the committee, nor a withdrawn or declined trajectory', () => {
    expect(reportLinks(4, 'concept', 'committee')).toEqual([]);
    expect(reportLinks(4, 'withdrawn', 'auditor')).toEqual([]);
    expect(reportLinks(4, 'declined', 'auditor')).toEqual([]);
    expect(reportLinks(4, 'concept', null)).toEqual([]);
  });
});
