/**
 * One widget's error boundary: a widget that throws while rendering shows a message with Retry
 * in its own cell, and the rest of the dashboard keeps working.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface WidgetErrorBoundaryProps {
  /** Rendered instead of the widget after a crash; `retry` remounts it. */
  fallback: (props: { error: Error; retry: () => void }) => ReactNode;
  onError?: (error: Error) => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
  attempt: number;
}

export class WidgetErrorBoundary extends Component<WidgetErrorBoundaryProps, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: Error, _info: ErrorInfo): void {
    this.props.onError?.(error);
  }

  private readonly retry = () => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));

  override render(): ReactNode {
    if (this.state.error) return this.props.fallback({ error: this.state.error, retry: this.retry });
    // A new key on retry remounts the widget, so it starts from a clean state.
    return <div key={this.state.attempt} className="rs-slot-content">{this.props.children}</div>;
  }
}
