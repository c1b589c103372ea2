import { Component, type ReactNode } from 'react';

interface Props {
  /** What crashed, for the message ("the canvas", "the Inspector panel"). */
  what: string;
  children: ReactNode;
}

/**
 * Contains a crash to one part of the window. The document lives in the store, outside React, so
 * nothing is lost: the user can retry (remount) or keep working elsewhere and save.
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    console.warn(`${this.props.what} crashed:`, error);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="crash" role="alert">
        <strong>Something went wrong in {this.props.what}.</strong>
        <p>Your document is safe — you can keep working and save it.</p>
        <code>{this.state.error.message}</code>
        <button className="btn" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
