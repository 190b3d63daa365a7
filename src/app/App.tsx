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
import { LabPanel } from '../ui/lab/LabPanel';
import { InspectPanel } from '../ui/inspect/InspectPanel';
import { ProjectorToggle } from '../ui/room/ProjectorToggle';
import { AboutDialog } from '../ui/room/AboutDialog';

export function App() {
  return (
    <FileDropTarget>
      <Header />
      <PanelBoundary name="Projector and About">
        <div className="classroom">
          <ProjectorToggle />
          <AboutDialog />
        </div>
      </PanelBoundary>
      <main className="layout">
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
          <PanelBoundary name="Run controls">
            <Controls />
          </PanelBoundary>
          <PanelBoundary name="Metrics">
            <MetricsBar />
          </PanelBoundary>
          <PanelBoundary name="Loss chart">
            <LossChart />
          </PanelBoundary>
          <PanelBoundary name="Accuracy charts">
            <EpochCharts />
          </PanelBoundary>
          <PanelBoundary name="Look inside">
            <InspectPanel />
          </PanelBoundary>
          <PanelBoundary name="Layers">
            <LayerTable />
          </PanelBoundary>
        </section>
      </main>
      <PanelBoundary name="Ablation lab">
        <LabPanel />
      </PanelBoundary>
    </FileDropTarget>
  );
}
