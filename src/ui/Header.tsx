import { useApp } from '../store';

/** Title and the backend in use, with the reason it was chosen (data-testid="backend"). */
export function Header() {
  const backend = useApp((s) => s.backend);
  return (
    <header className="header">
      <h1>AlexNet Lab</h1>
      <p className="tagline">
        Train AlexNet on CIFAR-10 in your browser, then switch off an innovation and compare.
      </p>
      <div className="backend" data-testid="backend" title={backend?.reason}>
        {backend ? (
          <>
            <strong>{backend.name}</strong> · {backend.adapter}
            <span className="reason"> — {backend.reason}</span>
          </>
        ) : (
          'starting the training worker…'
        )}
      </div>
    </header>
  );
}
