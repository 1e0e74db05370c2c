import { ErrorBoundary, Suspense, type JSX, type ParentProps } from 'solid-js';
import { ErrorPage } from '../pages/error.tsx';
import { setPageStatus } from '../page-status.ts';

/**
 * A Suspense boundary with its own error boundary inside: in server rendering a
 * failed resource only reaches an ErrorBoundary within the same Suspense.
 * `quiet` parts (header widgets) render nothing on failure but still fail the page.
 */
export function Guarded(props: ParentProps<{ quiet?: boolean; fallback?: JSX.Element }>) {
  return (
    <Suspense fallback={props.fallback}>
      <ErrorBoundary fallback={() => (props.quiet ? <Quiet /> : <ErrorPage />)}>
        {props.children}
      </ErrorBoundary>
    </Suspense>
  );
}

function Quiet() {
  setPageStatus(500);
  return null;
}
