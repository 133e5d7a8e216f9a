import { Component, type ReactNode } from 'react';

/**
 * Catches a render error anywhere below it and hands it to `onFatal`, which restores the
 * terminal and logs the details: the user sees one short message, never a React stack.
 */
export class ErrorBoundary extends Component<{ onFatal: (error: unknown) => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onFatal(error);
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
