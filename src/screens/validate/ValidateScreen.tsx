import { basename } from 'node:path';
import { count } from '../../core/plural.js';
import { Waiting } from '../../components/Waiting.js';
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import type { ReactNode } from 'react';
import { cut } from '../../components/fitLine.js';
import { useProvider } from '../../effects/providerContext.js';
import { MODELS, resolveModel } from '../../core/validate/index.js';
import type { DatasetReport } from '../../core/validate/types.js';
import { commandFor } from '../../keys/bindings.js';
import type { KeyPress } from '../../keys/decode.js';
import { useScreenKeys } from '../../keys/KeyRouter.js';
import { useAppState, useStoreApi } from '../../store/StoreProvider.js';
import type { ValidationState } from '../../store/slices/validation.js';
import type { ScreenProps } from '../types.js';
import { validateBindings } from './bindings.js';
import { applyFix, fixesFor } from './fixActions.js';
import { findingLines, targetLine, type FindingLine } from './findingLines.js';
import { TokenPanel } from './TokenPanel.js';
import { TextFieldView } from '../../components/TextFieldView.js';
import { packGroups, sparkline, summaryGroups } from './summaryLines.js';
import { wrapText } from './wrapText.js';

const n = new Intl.NumberFormat('en-US');

function histogramRows(report: DatasetReport, rows: number, width: number): string[] {
  const bins = report.figures.histogram;
  if (rows <= 0 || bins.length === 0) return [];
  const per = Math.ceil(bins.length / rows);
  const merged = [];
  for (let i = 0; i < bins.length; i += per) {
    const group = bins.slice(i, i + per);
    merged.push({ from: group[0]!.from, to: group[group.length - 1]!.to, count: group.reduce((s, b) => s + b.count, 0) });
  }
  const peak = Math.max(1, ...merged.map((b) => b.count));
  const bar = Math.max(5, Math.min(40, width - 34));
  return merged.map((b) => `${`${n.format(b.from)}–${n.format(b.to)} tok`.padStart(22)} ${'█'.repeat(Math.round((b.count / peak) * bar)).padEnd(bar)} ${n.format(b.count)}`);
}

export function ValidateScreen({ width, height }: ScreenProps) {
  const store = useStoreApi();
  const validation = useAppState((s) => s.validation);
  const status = useAppState((s) => s.dataset.status);
  const revision = useAppState((s) => s.dataset.revision);
  const report = validation.report;
  const lines = findingLines(report, validation.filter?.query ?? '', validation.validationFile?.report ?? null);
  // A fix can shrink the list under the cursor: point at its last line rather than past it.
  const cursor = Math.min(validation.cursor, Math.max(0, lines.length - 1));
  const inner = Math.max(10, width - 2);
  // Whether a model has shut down is read on the app's clock, so a test's answer does not change with the calendar.
  const { services, provider } = useProvider();
  const today = new Date(services.now()).toISOString().slice(0, 10);
  // m cycles through the connected service's own list of base models where it gives one (their
  // facts are asked for as each is chosen), else the provider's models ftui has figures for,
  // else the models in ftui's own table.
  const offered = (provider?.capabilities.createFields.find((f) => f.name === 'model')?.choices ?? []).filter((id) => resolveModel(id) !== undefined);
  const listed = validation.service?.models ?? [];
  const modelIds = listed.length > 0 ? listed : offered.length > 0 ? offered : MODELS.map((m) => m.id);

  useScreenKeys('validate', handleKey);

  function handleKey(press: KeyPress): void {
    const { name } = press;
    const state = store.getState().validation;
    // Read fresh: an earlier key of the same burst may have moved the cursor or changed the filter.
    const lines = findingLines(state.report, state.filter?.query ?? '', state.validationFile?.report ?? null);
    const cursor = Math.min(state.cursor, Math.max(0, lines.length - 1));
    const dispatch = store.dispatch;
    if (state.fix) {
      if (name === 'y') {
        applyFix(store, state.fix);
      } else if (name === 'f') {
        const all = fixesFor(store, lines[cursor]);
        const at = all.findIndex((p) => p.id === state.fix?.id);
        dispatch({ type: 'validation/proposeFix', fix: all[(at + 1) % all.length] ?? null });
        return;
      }
      dispatch({ type: 'validation/closeFix' });
      return;
    }
    if (state.fileField) {
      if (name === 'enter') dispatch({ type: 'validation/fileDone', keep: true });
      else if (name === 'esc') dispatch({ type: 'validation/fileDone', keep: false });
      else dispatch({ type: 'validation/fileKey', key: press });
      return;
    }
    if (state.filter?.field) {
      if (name === 'enter') dispatch({ type: 'validation/filterDone', keep: true });
      else if (name === 'esc') dispatch({ type: 'validation/filterDone', keep: false });
      else dispatch({ type: 'validation/filterKey', key: press });
      return;
    }
    const page = Math.max(1, height - 8);
    switch (commandFor(validateBindings, name)) {
      case 'up':
        return dispatch({ type: 'validation/move', delta: -1, max: lines.length });
      case 'down':
        return dispatch({ type: 'validation/move', delta: 1, max: lines.length });
      case 'pageUp':
        return dispatch({ type: 'validation/move', delta: -page, max: lines.length });
      case 'pageDown':
        return dispatch({ type: 'validation/move', delta: page, max: lines.length });
      case 'top':
        return dispatch({ type: 'validation/moveTo', index: 0 });
      case 'bottom':
        return dispatch({ type: 'validation/moveTo', index: Math.max(0, lines.length - 1) });
      case 'jump': {
        const target = targetLine(lines[cursor]);
        if (!target) return;
        dispatch({ type: 'ui/showScreen', screen: 'dataset' });
        return dispatch({ type: 'dataset/jumpTo', index: target.line - 1, path: target.path });
      }
      case 'model': {
        const at = modelIds.indexOf(state.model);
        return dispatch({ type: 'validation/setModel', model: modelIds[(at + 1) % modelIds.length]! });
      }
      case 'fix': {
        const first = fixesFor(store, lines[cursor])[0];
        if (first === undefined) return dispatch({ type: 'dataset/message', level: 'info', text: 'No safe fix applies to this dataset.' });
        return dispatch({ type: 'validation/proposeFix', fix: first });
      }
      case 'tokens':
        return dispatch({ type: 'validation/toggleView' });
      case 'filter':
        return dispatch({ type: 'validation/filterStart' });
      case 'validationFile':
        return dispatch({ type: 'validation/fileStart' });
      case 'back':
        if (state.view === 'tokens') return dispatch({ type: 'validation/toggleView' });
        if (state.filter) return dispatch({ type: 'validation/filterDone', keep: false });
        return;
      default:
        return;
    }
  }

  if (status === 'none' || status === 'failed') {
    return (
      <Box flexDirection="column" paddingX={1}>
        <Text bold>Validate</Text>
        <Text>{cut('Open a dataset to validate it: ftui data.jsonl. From a script: ftui validate data.jsonl --json', inner)}</Text>
      </Box>
    );
  }

  // Another model's facts (or the service's newer ones) than the report was made with: it is being made again.
  const stale = report && (validation.revision !== revision || report.model !== resolveModel(validation.model)) ? ['(updating…)'] : [];
  const head: ReactNode[] = packGroups([...summaryGroups(report, validation.model, today, validation.service), stale, validationFileGroup(validation.validationFile)], inner).map((line, i) => (
    <Text key={`summary${i}`} bold={i === 0}>
      {cut(line, inner)}
    </Text>
  ));
  const progress = validation.progress;
  if (validation.status === 'running' && progress && progress.total > 0) {
    const bar = Math.max(10, Math.min(40, inner - 30));
    const filled = Math.round((progress.done / progress.total) * bar);
    head.push(<Waiting key="progress" text={`Validating [${'#'.repeat(filled)}${'.'.repeat(bar - filled)}] ${n.format(progress.done)} of ${n.format(progress.total)} changed`} width={inner} />);
  }
  if (report) {
    const f = report.figures;
    const notes = [
      f.estimatedToolTokens > 0 ? `${n.format(f.estimatedToolTokens)} tok estimated from tools` : '',
      f.images > 0 ? `${n.format(f.images)} images not counted` : '',
      f.overTokenLimit > 0 ? `${n.format(f.overTokenLimit)} over the limit (billed at it)` : '',
    ].filter(Boolean);
    if (notes.length > 0) head.push(<Text key="notes" dimColor>{cut(notes.join(' · '), inner)}</Text>);
  }

  let bottom: ReactNode = null;
  let bottomRows = 0;
  if (validation.fix) {
    const preview = validation.fix.changes.slice(0, 3).map((c) => `line ${c.index + 1}: ${c.text === null ? 'removed' : cut(c.text.split('\n')[0] ?? '', inner - 14)}`);
    bottom = (
      <Box flexDirection="column">
        <Text color="yellow">{cut(validation.fix.description, inner)}</Text>
        <Text color="yellow">{cut('y apply (undoable) · f another fix · any other key cancels', inner)}</Text>
        {preview.map((p, i) => (
          <Text key={i} dimColor>
            {cut(`  ${p}`, inner)}
          </Text>
        ))}
      </Box>
    );
    bottomRows = 2 + preview.length;
  } else if (validation.fileField) {
    bottom = (
      <Box flexDirection="column">
        <Text>{cut('validation file: (enter check · esc cancel · empty: none)', inner)}</Text>
        <TextFieldView field={validation.fileField} width={inner} />
      </Box>
    );
    bottomRows = 2;
  } else if (validation.filter?.field) {
    const hint = ' (enter keep · esc clear)';
    bottom = (
      <Box>
        <Text>filter: </Text>
        <TextFieldView field={validation.filter.field} width={Math.max(10, inner - 8 - hint.length)} />
        <Text dimColor>{hint}</Text>
      </Box>
    );
    bottomRows = 1;
  }

  // The selected finding in full below the list when its row had to be cut.
  const selectedText = validation.view === 'findings' && !bottom && lines[cursor] ? findingText(lines[cursor]) : '';
  if (selectedText && stringWidth(selectedText) > inner && height >= 12) {
    const rows = wrapText(selectedText, inner - 2, 3);
    bottom = (
      <Box flexDirection="column">
        {rows.map((row, i) => (
          <Text key={`d${i}`} dimColor>
            {`  ${row}`}
          </Text>
        ))}
      </Box>
    );
    bottomRows = rows.length;
  }

  // The full histogram when there is room for it beside a useful list, else the same bins in one row.
  const spark = report && validation.view === 'findings' ? sparkline(report) : null;
  const histogram = report && validation.view === 'findings' ? (height >= 22 ? histogramRows(report, Math.min(5, height - 20), inner) : spark ? [spark] : []) : [];
  const bodyHeight = Math.max(1, height - head.length - histogram.length - bottomRows - (validation.filter && !validation.filter.field ? 1 : 0));

  let body: ReactNode;
  if (validation.view === 'tokens') {
    body = <TokenPanel store={store} target={targetLine(lines[cursor])} model={validation.model} width={inner} height={bodyHeight} />;
  } else if (!report) {
    body = <Waiting text="Validating…" width={inner} />;
  } else if (lines.length === 0) {
    body = <Text color="green">{validation.filter ? 'No finding matches the filter.' : 'No problems found. The dataset is ready to upload.'}</Text>;
  } else {
    const top = Math.max(0, Math.min(cursor - Math.floor(bodyHeight / 2), lines.length - bodyHeight));
    body = (
      <Box flexDirection="column">
        {lines.slice(top, top + bodyHeight).map((line, i) => {
          const selected = top + i === cursor;
          const g = line.group;
          const text = findingText(line);
          return (
            <Text key={`${g.code}-${top + i}`} inverse={selected} bold={!line.finding} color={!line.finding ? (g.severity === 'error' ? 'red' : 'yellow') : undefined}>
              {cut(text, inner)}
            </Text>
          );
        })}
      </Box>
    );
  }

  return (
    <Box flexDirection="column" paddingX={1} height={height}>
      {head}
      {histogram.map((h, i) => (
        <Text key={`h${i}`} dimColor>
          {cut(h, inner)}
        </Text>
      ))}
      {validation.filter && !validation.filter.field ? <Text dimColor>{cut(`filter: "${validation.filter.query}" (/ to change, esc to clear)`, inner)}</Text> : null}
      <Box flexDirection="column" height={bodyHeight} overflowY="hidden">
        {body}
      </Box>
      {bottom}
    </Box>
  );
}

function findingText(line: FindingLine): string {
  const { finding, group: g } = line;
  if (!finding) return `${g.severity === 'error' ? '✗' : '!'} ${line.source === 'validation' ? 'validation file: ' : ''}${g.code} (${n.format(g.count)}) — ${g.hint}`;
  return `    ${finding.line === null ? 'whole file' : `line ${finding.line}`}${finding.column ? `:${finding.column}` : ''}${finding.path ? ` ${finding.path}` : ''}: ${finding.message}`;
}

/** The validation file's own counts, from its engine report; its findings join the list below. */
function validationFileGroup(file: ValidationState['validationFile']): string[] {
  if (!file) return [];
  const name = basename(file.path);
  if (!file.report) return [`validation file ${name}: checking…`];
  const r = file.report;
  const shared = r.findings.find((g) => g.code === 'validation_overlaps_training')?.count ?? 0;
  return [`validation file ${name}: ${count(r.file.examples, 'example')}`, count(r.errors, 'error'), count(r.warnings, 'warning'), `${n.format(shared)} shared with the dataset`];
}

