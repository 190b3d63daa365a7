import { Component, type ErrorInfo, type ReactNode } from 'react';
import { translate, getLang } from './i18n';

interface Props {
  /** The panel's name, for the message. */
  name: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Catches a render error in one panel so the rest of the page (and any run in the Worker) goes on;
 * the panel shows what happened and a way to try again. React needs a class for this.
 */
export class PanelBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever debugs it; the user sees the panel's message.
    console.warn(`Panel "${this.props.name}" failed:`, error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    const lang = getLang();
    return (
      <div className="panel" role="alert" data-testid="panel-error">
        <p>{translate(lang, 'panelCrashed', { name: this.props.name, message: this.state.error.message })}</p>
        <button onClick={() => this.setState({ error: null })}>{translate(lang, 'tryAgain')}</button>
      </div>
    );
  }
}
