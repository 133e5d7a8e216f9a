import { Box, Text } from 'ink';
import { Waiting } from '../../components/Waiting.js';
import { useDeferredValue, type ReactNode } from 'react';
import { basename, dirname } from 'node:path';
import stringWidth from 'string-width';
import { cut, cutStart } from '../../components/fitLine.js';
import { summarize } from '../../core/dataset/example.js';
import { useDatasetAutosave } from '../../effects/useDatasetAutosave.js';
import { useAppState, useStoreApi } from '../../store/StoreProvider.js';
import type { DatasetQuestion, DatasetState } from '../../store/slices/dataset.js';
import type { ScreenProps } from '../types.js';
import { ExampleEditor } from './ExampleEditor.js';
import { ExampleList } from './ExampleList.js';
import { ExamplePreview } from './ExamplePreview.js';
import { describeFind, parseFindQuery } from '../../core/dataset/find.js';
import { count } from '../../core/plural.js';
import { useDatasetFind } from '../../effects/useDatasetFind.js';
import { shownMatches } from '../../store/slices/dataset.js';
import { TextFieldView } from '../../components/TextFieldView.js';
import { openOther, useDatasetKeys } from './useDatasetKeys.js';
import { useProvider } from '../../effects/providerContext.js';
import { ensureDemoDataset } from '../../core/dataset/demoDataset.js';

const PROMPT_LABEL = {
  import: 'Import file (JSONL, JSON array or CSV):',
  exportJsonl: 'Export valid examples to:',
  exportSplit: 'Split into PATH RATIO SEED (writes PATH.train.jsonl and PATH.validation.jsonl):',
  systemPrompt: 'Default system prompt for new examples (alt+enter for a new line, empty to clear):',
  saveAs: 'Save the dataset as:',
  open: 'Open another dataset file (a new path starts a new one):',
} as const;

/** Below this many columns for the path, the headline is cut at its end instead. */
const MIN_PATH_COLUMNS = 16;

function headline(dataset: DatasetState, width: number): string {
  const name = dataset.filePath ?? 'untitled';
  const count = `${dataset.rows.length} line${dataset.rows.length === 1 ? '' : 's'}`;
  const system = dataset.defaultSystemPrompt ? ' · default system prompt set' : '';
  const find = findLine(dataset);
  // An applied find comes first: what it found is what the list shows.
  const before = find ? `${find} · ` : '';
  const after = ` · ${count}${dataset.dirty ? ' · unsaved' : ''}${system}`;
  // A long path gives way from its start, so the file's name, its size and whether it is saved
  // stay in view (a deep folder used to push 'unsaved' off an 80-column line).
  const room = width - stringWidth(before) - stringWidth(after);
  const path = room >= MIN_PATH_COLUMNS ? cutStart(name, room) : name;
  return cut(`${before}${path}${after}`, width);
}

/** The applied find: what it looks for and in which role, and what it found (so far). */
function findLine(dataset: DatasetState): string {
  const filter = dataset.filter;
  if (filter === null || filter.query === '') return '';
  const found = count(filter.matches.length, 'match', 'matches');
  const progress = filter.done ? '' : ` so far (${Math.floor((filter.scanned / Math.max(1, dataset.rows.length)) * 100)}%)`;
  return `Find ${describeFind(parseFindQuery(filter.query))}: ${found}${progress} (n/N · esc clears)`;
}

/** Below this width the preview goes under the list instead of beside it. */
export const PREVIEW_BESIDE_MIN_COLUMNS = 110;
/** Below this many rows for the list and the preview together, the preview is left out. */
export const PREVIEW_MIN_ROWS = 12;

/** Where the preview goes at this size: beside the list, under it, or nowhere. */
export function previewPlace(width: number, height: number): 'beside' | 'under' | null {
  if (width >= PREVIEW_BESIDE_MIN_COLUMNS) return 'beside';
  return height >= PREVIEW_MIN_ROWS ? 'under' : null;
}

export function DatasetScreen({ width, height }: ScreenProps) {
  const store = useStoreApi();
  const dataset = useAppState((s) => s.dataset);
  // Tokens and findings are for the model the dataset is validated against (m on the Validate screen).
  const model = useAppState((s) => s.validation.model);
  useDatasetAutosave();
  useDatasetFind();
  const inner = Math.max(10, width - 2);
  const listHeight = Math.max(1, height - 3);
  const { services, connectSandbox } = useProvider();
  const startDemo = services.startSandbox === null ? null : () => {
    // The sample dataset (kept from last time if it is there) and the sandbox to train it on.
    connectSandbox();
    void openOther(store, ensureDemoDataset().path);
  };
  useDatasetKeys(store, listHeight, { startDemo });

  if (dataset.status === 'none') {
    return (
      <Box flexDirection="column" paddingX={1}>
        <Text bold>Dataset</Text>
        <Text>{cut('No dataset open. Start ftui with a file: ftui data.jsonl (a file that does not exist yet starts a new one).', inner)}</Text>
      </Box>
    );
  }
  if (dataset.status === 'failed') {
    return (
      <Box flexDirection="column" paddingX={1}>
        <Text bold>Dataset</Text>
        <Text color="red">Could not open it:</Text>
        {/* In full, wrapped (the shell's body clips it): the path and the reason are what the user acts on. */}
        <Text color="red" wrap="wrap">
          {dataset.message?.text ?? 'unknown error'}
        </Text>
        <Text>{cut('Nothing was changed. Quit (q) and start ftui with another file: ftui data.jsonl', inner)}</Text>
      </Box>
    );
  }
  if (dataset.status === 'loading') {
    return (
      <Box paddingX={1}>
        <Waiting text={`Opening ${dataset.filePath ?? ''}…`} width={inner} />
      </Box>
    );
  }

  let bottom: ReactNode = null;
  let questionRows = 0;
  if (dataset.question) {
    const [situation, keys] = questionText(dataset.question);
    questionRows = 2;
    bottom = (
      <Box flexDirection="column">
        <Text color="yellow">{cut(situation, inner)}</Text>
        <Text color="yellow">{cut(keys, inner)}</Text>
      </Box>
    );
  } else if (dataset.draftOffer) {
    const when = new Date(dataset.draftOffer.savedAt).toLocaleString();
    const lines = dataset.draftOffer.rows.length;
    questionRows = 2 + (dataset.message ? 1 : 0);
    bottom = (
      <Box flexDirection="column">
        <Text color="yellow">{cut(`A draft from ${when} has unsaved work (${lines} line${lines === 1 ? '' : 's'}). Restore it?`, inner)}</Text>
        <Text color="yellow">{cut('r restore the draft · x discard it', inner)}</Text>
        {dataset.message ? <Text dimColor>{cut(dataset.message.text, inner)}</Text> : null}
      </Box>
    );
  } else if (dataset.importPreview) {
    const preview = dataset.importPreview;
    const samples = preview.lines.slice(0, 3).map((line) => `  + ${summarize(line).title}`);
    const problems = preview.problems.slice(0, 3).map((p) => `  ! ${p.at}: ${p.message}`);
    const more = preview.problems.length > 3 ? [`  … ${preview.problems.length - 3} more problems`] : [];
    bottom = (
      <Box flexDirection="column">
        <Text color="yellow">{cut(`Import ${preview.lines.length} example${preview.lines.length === 1 ? '' : 's'} from ${basename(preview.path)} (${preview.sourceFormat})${preview.problems.length ? `, ${preview.problems.length} problem${preview.problems.length === 1 ? '' : 's'}` : ''}? y add at the end · n cancel`, inner)}</Text>
        {[...samples, ...problems, ...more].map((l, i) => (
          <Text key={i} dimColor={l.startsWith('  +')} color={l.startsWith('  !') ? 'yellow' : undefined}>
            {cut(l, inner)}
          </Text>
        ))}
      </Box>
    );
  } else if (dataset.confirmDelete !== null) {
    bottom = <Text color="yellow">{cut(`Delete example ${dataset.cursor + 1}? y delete · n keep`, inner)}</Text>;
  } else if (dataset.prompt) {
    bottom = (
      <Box flexDirection="column">
        <Text>{cut(`${PROMPT_LABEL[dataset.prompt.kind]} (enter ok · esc cancel)`, inner)}</Text>
        <TextFieldView field={dataset.prompt.field} width={inner} />
      </Box>
    );
  } else if (dataset.filter?.field) {
    const hint = '  tab: role · enter finds · esc';
    bottom = (
      <Box>
        <Text>/ </Text>
        <TextFieldView field={dataset.filter.field} width={Math.max(10, inner - 2 - hint.length)} />
        <Text dimColor>{hint}</Text>
      </Box>
    );
  } else if (dataset.message) {
    const color = dataset.message.level === 'error' ? 'red' : dataset.message.level === 'warning' ? 'yellow' : undefined;
    bottom = <Text color={color}>{cut(dataset.message.text, inner)}</Text>;
  }
  const previewRows = dataset.importPreview ? 1 + Math.min(3, dataset.importPreview.lines.length) + Math.min(3, dataset.importPreview.problems.length) + (dataset.importPreview.problems.length > 3 ? 1 : 0) : 0;
  const bottomRows = bottom === null ? 0 : questionRows > 0 ? questionRows : dataset.importPreview ? previewRows : dataset.prompt ? 2 : 1;
  const bodyHeight = Math.max(1, height - 1 - bottomRows);
  const editorTitle = dataset.editor?.rowId === null ? 'New example' : `Example ${dataset.cursor + 1}`;

  return (
    <Box flexDirection="column" paddingX={1} height={height}>
      <Text dimColor>{headline(dataset, inner)}</Text>
      <Box flexDirection="column" height={bodyHeight} overflowY="hidden">
        {dataset.editor ? (
          <ExampleEditor editor={dataset.editor} model={model} width={inner} height={bodyHeight} title={editorTitle} />
        ) : dataset.rows.length === 0 ? (
          <Welcome untitled={dataset.filePath === null} width={inner} demo={startDemo !== null} />
        ) : (
          <ListAndPreview dataset={dataset} model={model} width={inner} height={bodyHeight} />
        )}
      </Box>
      {bottom}
    </Box>
  );
}

/** The list, and the selected example's preview beside it (wide terminals) or under it. */
function ListAndPreview({ dataset, model, width, height }: { dataset: DatasetState; model: string; width: number; height: number }) {
  const matches = shownMatches(dataset);
  const find = matches === null ? null : parseFindQuery(dataset.filter!.query);
  const place = dataset.preview ? previewPlace(width, height) : null;
  // The preview is of the selected example, when the list shows it. It follows the cursor a step
  // behind (a deferred render): the list moves at once, and while j is held the preview is not
  // drawn for every example passed, only for the one the cursor rests on.
  const selected = dataset.cursor < dataset.rows.length && (matches === null || matches.includes(dataset.cursor)) ? dataset.rows.get(dataset.cursor) : null;
  const row = useDeferredValue(place === null ? null : selected);
  const index = useDeferredValue(dataset.cursor);
  if (place === null) return <ExampleList dataset={dataset} model={model} width={width} height={height} matches={matches} find={find} />;
  if (place === 'beside') {
    const listWidth = Math.floor(width * 0.45);
    const previewWidth = width - listWidth - 3;
    return (
      <Box flexDirection="row" height={height}>
        <Box width={listWidth} flexDirection="column">
          <ExampleList dataset={dataset} model={model} width={listWidth} height={height} matches={matches} find={find} />
        </Box>
        <Box marginLeft={1} paddingLeft={1} borderStyle="single" borderTop={false} borderBottom={false} borderRight={false} borderDimColor width={previewWidth + 2}>
          {row ? <ExamplePreview row={row} index={index} width={previewWidth} height={height} find={find} /> : null}
        </Box>
      </Box>
    );
  }
  const listHeight = Math.max(3, Math.ceil(height * 0.4));
  return (
    <Box flexDirection="column" height={height}>
      <Box height={listHeight} flexDirection="column">
        <ExampleList dataset={dataset} model={model} width={width} height={listHeight} matches={matches} find={find} />
      </Box>
      {row ? <ExamplePreview row={row} index={index} width={width} height={height - listHeight} find={find} rule /> : null}
    </Box>
  );
}

/** A question about files as two lines: what happened, and the keys that answer it. */
function questionText(question: DatasetQuestion): [string, string] {
  switch (question.kind) {
    case 'overwrite': {
      const one = question.paths.length === 1;
      return [`${question.paths.map((p) => basename(p)).join(' and ')} already ${one ? 'exists' : 'exist'} (${dirname(question.paths[0]!)}). Overwrite ${one ? 'it' : 'them'}?`, 'y overwrite · n keep what is there'];
    }
    case 'externalChange':
      return [`${basename(question.path)} changed on disk since ftui read it: ${question.what}. Nothing was saved.`, 'o overwrite · r reload (your edits kept as a draft) · s save as… · esc cancel'];
    case 'openExport':
      return [question.summary, `Open the training part (${basename(question.path)}) now? y open it · n stay here`];
    case 'openOther':
      return [`This dataset has unsaved work. Open ${basename(question.path)} anyway? The work stays in this file's draft.`, 'y open it · n stay here'];
  }
}

/** An empty dataset says what to do first, instead of showing an empty list. */
function Welcome({ untitled, width, demo }: { untitled: boolean; width: number; demo: boolean }) {
  const lines = [
    untitled ? 'A new, untitled dataset: nothing is written until you save (ctrl+s asks where).' : 'No examples yet: they are written when you save (ctrl+s).',
    '',
    'a   write the first example, turn by turn',
    'o   open a dataset file',
    'i   import JSONL, a JSON array or CSV',
    ...(demo ? ['D   start the sandbox demo (no key, no cost) with its sample dataset'] : []),
    '?   every key',
  ];
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} bold={i === 0}>
          {line === '' ? ' ' : cut(line, width)}
        </Text>
      ))}
    </Box>
  );
}
