import { Box, Text, useApp, useStdout } from 'ink';
import { useEffect, type ReactNode } from 'react';
import { ConfirmQuit } from './components/ConfirmQuit.js';
import { ConnectionPicker, connectionChoices } from './components/ConnectionPicker.js';
import { useProvider } from './effects/providerContext.js';
import { cut } from './components/fitLine.js';
import { Header } from './components/Header.js';
import { HelpOverlay, helpViewport } from './components/HelpOverlay.js';
import { StatusBar } from './components/StatusBar.js';
import { useTerminalSize, type TerminalSize } from './components/useTerminalSize.js';
import { bindingsFor, commandFor } from './keys/bindings.js';
import { confirmQuitBindings, connectionsBindings, detailBindings, globalBindings, helpBindings } from './keys/globalBindings.js';
import { copyToClipboard } from './components/clipboard.js';
import { DETAIL_FRAME_ROWS, detailLayout, moveDetail } from './components/detailLayout.js';
import { DetailView, detailWidth } from './components/DetailView.js';
import { wrapLines } from './components/wrapLines.js';
import { screenDetails } from './screens/details.js';
import type { DetailItem } from './store/slices/ui.js';
import type { KeyPress } from './keys/decode.js';
import { KeyRegistry, useKeyRouter } from './keys/KeyRouter.js';
import { ChatScreen } from './screens/chat/ChatScreen.js';
import { DatasetScreen } from './screens/dataset/DatasetScreen.js';
import { JobsScreen } from './screens/jobs/JobsScreen.js';
import type { ScreenProps } from './screens/types.js';
import { ValidateScreen } from './screens/validate/ValidateScreen.js';
import { selectTextFocused, selectUnsavedWork } from './store/selectors.js';
import { useAppState, useDispatch, useStoreApi } from './store/StoreProvider.js';
import { useValidationRunner } from './effects/useValidationRunner.js';
import { useNoticeExpiry } from './effects/useNoticeExpiry.js';
import { SCREENS, type ScreenId } from './store/slices/ui.js';

const SCREEN_COMPONENTS: Record<ScreenId, (props: ScreenProps) => ReactNode> = {
  dataset: DatasetScreen,
  validate: ValidateScreen,
  jobs: JobsScreen,
  chat: ChatScreen,
};

/** Rows the shell itself uses: header, status bar, and one spare so Ink never fills the terminal. */
const CHROME_ROWS = 3;

/**
 * The shell: header tabs, the current screen (or a modal in its place), the status bar.
 * It owns the global keys; each screen handles its own keys while no modal is open.
 */
export function App({ size }: { size?: TerminalSize }) {
  const measured = useTerminalSize();
  const { columns, rows } = size ?? measured;
  const screen = useAppState((s) => s.ui.screen);
  const modal = useAppState((s) => s.ui.modal);
  const notice = useAppState((s) => s.ui.notice);
  const exiting = useAppState((s) => s.ui.exiting);
  const connection = useAppState((s) => s.connection);
  const filePath = useAppState((s) => s.dataset.filePath);
  const unsaved = useAppState((s) => selectUnsavedWork(s) !== null);
  const dispatch = useDispatch();
  const store = useStoreApi();
  const { services, connectProfile, connectSandbox } = useProvider();
  const { exit } = useApp();
  // OSC 52 goes to the terminal through the app's own stdout (a test's, in tests).
  const { stdout } = useStdout();
  // The open dataset's report stays current whichever screen is showing.
  useValidationRunner();
  useNoticeExpiry();

  useEffect(() => {
    if (exiting) exit();
  }, [exiting, exit]);

  // State is read fresh for each key of a burst, since the one before may have opened a modal or a text field.
  const registry = useKeyRouter(store, handleGlobalKey, screen);

  /** The shell's keys; true when the key was the shell's, false to pass it to the screen. */
  function handleGlobalKey(press: KeyPress): boolean {
    const state = store.getState();
    const used = state.ui.modal !== null || press.name === 'ctrl+c' || (!selectTextFocused(state) && commandFor(globalBindings, press.name) !== null);
    runGlobalKey(press);
    return used;
  }

  function runGlobalKey({ name }: KeyPress): void {
    const state = store.getState();
    const modal = state.ui.modal;
    if (modal?.kind === 'confirmQuit') {
      const command = commandFor(confirmQuitBindings, name);
      if (command === 'confirm') dispatch({ type: 'app/confirmQuit' });
      else if (command === 'cancel') dispatch({ type: 'ui/closeModal' });
      return;
    }
    // Over any other modal too: ctrl+c always asks to quit (twice leaves unsaved work).
    if (name === 'ctrl+c') return dispatch({ type: 'app/requestQuit', viaCtrlC: true });
    if (modal?.kind === 'help') {
      const { rows: page, maxScroll: max } = helpViewport(state.ui.screen, columns, bodyHeight);
      switch (commandFor(helpBindings, name)) {
        case 'close':
          return dispatch({ type: 'ui/closeModal' });
        case 'down':
          return dispatch({ type: 'ui/scrollHelp', delta: 1, max });
        case 'up':
          return dispatch({ type: 'ui/scrollHelp', delta: -1, max });
        case 'pageDown':
          return dispatch({ type: 'ui/scrollHelp', delta: page - 1, max });
        case 'pageUp':
          return dispatch({ type: 'ui/scrollHelp', delta: -(page - 1), max });
        case 'top':
          return dispatch({ type: 'ui/scrollHelp', to: 0, max });
        case 'bottom':
          return dispatch({ type: 'ui/scrollHelp', to: max, max });
        case null:
          return;
      }
    }
    if (modal?.kind === 'connections') {
      const choices = connectionChoices(services.profiles, services.startSandbox !== null, services.sandboxes);
      switch (commandFor(connectionsBindings, name)) {
        case 'up':
          return dispatch({ type: 'ui/moveConnection', delta: -1, count: choices.length });
        case 'down':
          return dispatch({ type: 'ui/moveConnection', delta: 1, count: choices.length });
        case 'choose': {
          const choice = choices[modal.selected];
          if (choice?.profile !== undefined) connectProfile(choice.profile);
          else if (choice?.sandbox !== undefined) connectSandbox(choice.sandbox);
          return dispatch({ type: 'ui/closeModal' });
        }
        case 'close':
          return dispatch({ type: 'ui/closeModal' });
        case null:
          return;
      }
    }
    if (modal?.kind === 'detail') {
      const command = commandFor(detailBindings, name);
      switch (command) {
        case null:
          return;
        case 'close':
          return dispatch({ type: 'ui/closeModal' });
        case 'copy':
          return copy(modal.items[modal.selected]);
        default: {
          const layout = detailLayout(modal.items, detailWidth(columns));
          return dispatch({ type: 'ui/detailAt', ...moveDetail(layout, modal, command, bodyHeight - DETAIL_FRAME_ROWS) });
        }
      }
    }
    // Inside a text field every printable key is text: nothing global may fire.
    if (selectTextFocused(state)) return;
    switch (commandFor(globalBindings, name)) {
      case 'help':
        return dispatch({ type: 'ui/openHelp' });
      case 'nextScreen':
        return dispatch({ type: 'ui/cycleScreen', step: 1 });
      case 'prevScreen':
        return dispatch({ type: 'ui/cycleScreen', step: -1 });
      case 'screen1':
      case 'screen2':
      case 'screen3':
      case 'screen4':
        return dispatch({ type: 'ui/showScreen', screen: SCREENS[Number(name) - 1]!.id });
      case 'quit':
        return dispatch({ type: 'app/requestQuit', viaCtrlC: false });
      case 'connections':
        return dispatch({ type: 'ui/openConnections' });
      case 'detail': {
        const details = screenDetails(state);
        if (details.items.length === 0) return dispatch({ type: 'ui/notify', notice: { level: 'info', text: 'Nothing on this screen is cut off.' } });
        return dispatch({ type: 'ui/openDetail', title: details.title, items: details.items, selected: details.primary ?? 0 });
      }
      case 'copy': {
        const details = screenDetails(state);
        return copy(details.primary === null ? undefined : details.items[details.primary]);
      }
      case 'forceQuit':
      case null:
        return;
    }
  }

  /** Copies an item with OSC 52 and shows what was copied, for terminals that ignore OSC 52. */
  function copy(item: DetailItem | undefined): void {
    if (item === undefined || !item.copyable) {
      return dispatch({ type: 'ui/notify', notice: { level: 'info', text: 'Nothing here to copy: z shows the lines of this screen in full, and y copies the one selected there.' } });
    }
    const sent = copyToClipboard(stdout, item.text);
    const text = sent ? `Copied ${item.label.toLowerCase()} (OSC 52): ${item.text}` : `${item.label} is too long to send to the clipboard through the terminal; z shows it in full.`;
    dispatch({ type: 'ui/notify', notice: { level: sent ? 'info' : 'warning', text } });
  }

  // The notice wraps to three rows at most, so a copied id or a model name is shown whole.
  const wrappedNotice = notice === null ? null : wrapLines(notice.text, columns, 3);
  const noticeLines = wrappedNotice === null ? [] : wrappedNotice.rows.map((r, i, all) => (wrappedNotice.more && i === all.length - 1 ? cut(`${r.text} …`, columns) : r.text));
  const noticeRows = noticeLines.length;
  const bodyHeight = Math.max(1, rows - CHROME_ROWS - noticeRows);
  const Screen = SCREEN_COMPONENTS[screen];
  const hints =
    modal === null ? [...bindingsFor(screen), ...bindingsFor('global')].filter((b) => b.hint) : bindingsFor(modal.kind);

  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Header screen={screen} width={columns} sandbox={connection.kind === 'sandbox'} />
      <Box height={bodyHeight} flexDirection="column" overflowY="hidden">
        {modal?.kind === 'help' ? <HelpOverlay screen={screen} width={columns} height={bodyHeight} scroll={modal.scroll} /> : null}
        {modal?.kind === 'connections' ? (
          <ConnectionPicker
            choices={connectionChoices(services.profiles, services.startSandbox !== null, services.sandboxes)}
            selected={modal.selected}
            current={connection}
            width={columns}
          />
        ) : null}
        {modal?.kind === 'detail' ? (
          <DetailView title={modal.title} items={modal.items} selected={modal.selected} scroll={modal.scroll} width={columns} height={bodyHeight} />
        ) : null}
        {modal?.kind === 'confirmQuit' ? (
          <ConfirmQuit reason={modal.reason} viaCtrlC={modal.viaCtrlC} width={columns} />
        ) : null}
        {/* Hidden, not unmounted, under a modal: a half-typed message survives opening help. */}
        <Box display={modal === null ? 'flex' : 'none'} flexDirection="column" height={bodyHeight}>
          <KeyRegistry registry={registry}>
            <Screen width={columns} height={bodyHeight} active={modal === null} />
          </KeyRegistry>
        </Box>
      </Box>
      {notice === null
        ? null
        : noticeLines.map((line, i) => (
            <Text key={i} color={notice.level === 'error' ? 'red' : notice.level === 'warning' ? 'yellow' : undefined}>
              {line || ' '}
            </Text>
          ))}
      <StatusBar width={columns} connection={connection} filePath={filePath} unsaved={unsaved} hints={hints} />
    </Box>
  );
}
