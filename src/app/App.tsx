import { lazy, Suspense } from 'react';
import { Header } from '../ui/Header';
import { DatasetPanel } from '../ui/dataset/DatasetPanel';
import { ConfigPanel } from '../ui/config/ConfigPanel';
import { RecipePanel } from '../ui/config/RecipePanel';
import { Controls } from '../ui/run/Controls';
import { MetricsBar } from '../ui/run/MetricsBar';
import { LossChart } from '../ui/charts/LossChart';
import { EpochCharts } from '../ui/charts/EpochCharts';
import { LayerTable } from '../ui/layers/LayerTable';
import { FileDropTarget } from '../ui/dataset/FileDropTarget';
import { PanelBoundary } from '../ui/PanelBoundary';
import { NetworkPicture } from '../ui/network/NetworkPicture';
import { ProjectorToggle } from '../ui/room/ProjectorToggle';
import { AboutDialog } from '../ui/room/AboutDialog';
import { DarkModeToggle } from '../ui/room/DarkModeToggle';
import { RunBar } from '../ui/page/RunBar';
import { StepSection } from '../ui/page/StepSection';
import { FirstVisitHint } from '../ui/page/FirstVisitHint';
import { labTextsReady } from '../ui/i18n';

// Look inside (step 2) and the lab (step 3) are chunks of their own, fetched while the page
// starts: a first visit trains first, and the page's own chunk stays small.
const InspectPanel = lazy(() =>
  import('../ui/inspect/InspectPanel').then((m) => ({ default: m.InspectPanel })),
);
// With the lab's texts (src/ui/i18n/en.lab.ts), which the page starts without.
const LabPanel = lazy(() =>
  Promise.all([import('../ui/lab/LabPanel'), labTextsReady()]).then(([m]) => ({ default: m.LabPanel })),
);

// Three steps, all on one page (every panel stays in view for links and tests): the run bar with
// the controls and live numbers sticks to the top; the step bar in it jumps between the sections.
export function App() {
  return (
    <FileDropTarget>
      <Header />
      <PanelBoundary name="Projector and About">
        <div className="classroom">
          <ProjectorToggle />
          <DarkModeToggle />
          <AboutDialog />
        </div>
      </PanelBoundary>
      <RunBar>
        <PanelBoundary name="Run controls">
          <Controls />
        </PanelBoundary>
        <PanelBoundary name="Metrics">
          <MetricsBar />
        </PanelBoundary>
      </RunBar>
      <PanelBoundary name="First-visit hint">
        <FirstVisitHint />
      </PanelBoundary>
      <main>
        <StepSection view="train">
          <div className="step-body picture-row">
            <PanelBoundary name="Network picture">
              <NetworkPicture />
            </PanelBoundary>
          </div>
          <div className="layout">
            <section className="column narrow">
              <PanelBoundary name="Model and training">
                <ConfigPanel />
              </PanelBoundary>
              <PanelBoundary name="Accuracy recipe">
                <RecipePanel />
              </PanelBoundary>
              <PanelBoundary name="Data">
                <DatasetPanel />
              </PanelBoundary>
            </section>
            <section className="column wide">
              <PanelBoundary name="Loss chart">
                <LossChart />
              </PanelBoundary>
              <PanelBoundary name="Accuracy charts">
                <EpochCharts />
              </PanelBoundary>
            </section>
          </div>
        </StepSection>
        <StepSection view="inside">
          <div className="column step-body">
            <PanelBoundary name="Look inside">
              <Suspense fallback={<div className="inspect-loading" />}>
                <InspectPanel />
              </Suspense>
            </PanelBoundary>
            <PanelBoundary name="Layers">
              <LayerTable />
            </PanelBoundary>
          </div>
        </StepSection>
        <StepSection view="compare">
          <PanelBoundary name="Ablation lab">
            <Suspense fallback={<div className="lab-loading" />}>
              <LabPanel />
            </Suspense>
          </PanelBoundary>
        </StepSection>
      </main>
    </FileDropTarget>
  );
}
