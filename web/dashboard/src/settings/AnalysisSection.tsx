import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { ErrorNotice, FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Checkbox } from '../../../ui/Field.tsx';
import { Section } from '../../../ui/Page.tsx';
import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { wsPath } from '../api.ts';
import { formatCount } from '../format.ts';
import { useWorkspace } from '../session.ts';
import {
  useAnalysisSettings,
  useReanalysisRuns,
  useStartReanalysis,
  useUpdateAnalysisSettings,
} from './analysisQueries.ts';
import type { ReanalysisRun } from './analysisQueries.ts';

/** Text analysis for owners and admins: redaction, re-analysis and the corrections export. */
export function AnalysisSection() {
  const { hash } = useLocation();
  // The directory page links to "#analysis"; the router does not scroll to anchors.
  useEffect(() => {
    if (hash === '#analysis') document.getElementById('analysis')?.scrollIntoView();
  }, [hash]);
  return (
    <Section
      id="analysis"
      title="Text analysis"
      description="Sentiment, themes and mentions are found in every item as it arrives."
    >
      <RedactionSetting />
      <Reanalysis />
      <div className="stack analysis-part">
        <h3>Corrections</h3>
        <p className="muted">
          Sentiment labels corrected by staff, one JSON object per line, to measure the analysis
          against.
        </p>
        <CorrectionsLink />
      </div>
    </Section>
  );
}

function CorrectionsLink() {
  const { id } = useWorkspace();
  return (
    <a
      className="btn btn-secondary"
      href={wsPath(id, 'analysis', 'corrections')}
      download="sentiment-corrections.jsonl"
    >
      Download corrections
    </a>
  );
}

function RedactionSetting() {
  const { id } = useWorkspace();
  const settings = useAnalysisSettings(id);
  const update = useUpdateAnalysisSettings(id);
  if (settings.isPending) return <Loading />;
  if (settings.error) {
    return <ErrorNotice problem={settings.error} onRetry={() => void settings.refetch()} />;
  }
  return (
    <div className="stack analysis-part">
      <Checkbox
        label="Redact personal data"
        name="redactPersonalData"
        checked={settings.data.redactPersonalData}
        disabled={update.isPending}
        onChange={(event) => update.mutate({ redactPersonalData: event.target.checked })}
        hint="Viewers and integrations see [email], [phone] and so on instead of e-mail addresses, phone numbers and other personal data in feedback. Agents, admins and owners still see it."
      />
      <span role="status" className="muted">
        {update.isSuccess
          ? settings.data.redactPersonalData
            ? 'Personal data is now redacted.'
            : 'Personal data is now shown to everyone.'
          : ''}
      </span>
      <FormError problem={update.error} />
    </div>
  );
}

function runSummary(run: ReanalysisRun): string {
  const progress = `${formatCount(run.done)} of ${formatCount(run.total)} items`;
  const failed = run.failed > 0 ? `, ${formatCount(run.failed)} retried on their own` : '';
  if (run.state === 'running') return `Re-analysing: ${progress}${failed}.`;
  if (run.state === 'cancelled') return `Stopped after ${progress}${failed}.`;
  return `Done: ${progress}${failed}.`;
}

function Reanalysis() {
  const { id } = useWorkspace();
  const runs = useReanalysisRuns(id);
  const start = useStartReanalysis(id);
  const latest = runs.data?.items[0];
  const running = latest?.state === 'running';
  return (
    <div className="stack analysis-part">
      <h3>Re-analyse feedback</h3>
      <p className="muted">
        After you change the directory, or when Hearken&apos;s analysers improve, run the analysis
        again. Corrections made by staff are kept.
      </p>
      <div className="form-actions">
        <Button busy={start.isPending} disabled={running} onClick={() => start.mutate('outdated')}>
          Re-analyse outdated items
        </Button>
        <Button busy={start.isPending} disabled={running} onClick={() => start.mutate('all')}>
          Re-analyse everything
        </Button>
      </div>
      <FormError problem={start.error} />
      {runs.error && <ErrorNotice problem={runs.error} onRetry={() => void runs.refetch()} />}
      <p role="status" className="muted">
        {latest ? runSummary(latest) : ''}
        {latest && (
          <>
            {' '}
            Started <RelativeTime iso={latest.createdAt} />.
          </>
        )}
      </p>
      {latest?.state === 'running' && latest.total > 0 && (
        <progress max={latest.total} value={latest.done} aria-label="Re-analysis progress" />
      )}
    </div>
  );
}
