import { catchError, ErrorBoundary, Suspense, useContext, type JSX, type ParentProps } from 'solid-js';
import { RenderErrorContext, toPageError } from '../page-error.ts';
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
        <Sanitized>{props.children}</Sanitized>
      </ErrorBoundary>
    </Suspense>
  );
}

function Quiet() {
  setPageStatus(500);
  return null;
}

/**
 * The boundary serializes the error it catches into the page: hand it only a
 * PageDataError, and report anything else (a bug) to be logged with the request id.
 */
function Sanitized(props: ParentProps) {
  const report = useContext(RenderErrorContext);
  return catchError(
    () => props.children,
    (error) => {
      throw toPageError(error, report);
    },
  );
}
