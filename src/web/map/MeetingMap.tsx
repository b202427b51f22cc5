import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import Supercluster from 'supercluster';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
// The land outline ships with the app (Natural Earth 1:50m): an asset fetched from this site
// when the map opens, never a tile server.
import landUrl from 'world-atlas/land-50m.json?url';
import type { MeetingResult } from '../api-types.ts';
import type { Translate } from '../i18n/translate.ts';
import type { FinderModel } from '../page-model.ts';

interface Props {
  t: Translate;
  meetings: readonly MeetingResult[];
  tiles: FinderModel['tiles'];
  langQuery: string;
}

type Point = { slug: string; name: string };

/**
 * The meetings of the list on a map, clustered. Without tiles configured it draws the land from
 * data shipped with the app, so no request leaves the site. The list stays the accessible way
 * to the same meetings; the map says so.
 */
export default function MeetingMap({ t, meetings, tiles, langQuery }: Props) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const map = L.map(element, { worldCopyJump: true, attributionControl: Boolean(tiles) });
    if (tiles) {
      L.tileLayer(tiles.url, { attribution: tiles.attribution ?? '', maxZoom: 19 }).addTo(map);
    } else {
      void fetch(landUrl)
        .then((response) => response.json() as Promise<Topology>)
        .then((topology) => {
          const outline = feature(topology, topology.objects.land as never);
          L.geoJSON(outline, {
            style: { color: '#4d7a5e', weight: 1, fillColor: '#f4f8f5', fillOpacity: 1 },
            interactive: false,
          })
            .addTo(map)
            .bringToBack();
        })
        .catch(() => undefined);
    }
    const located = meetings.filter(
      (m) => m.location?.latitude != null && m.location.longitude != null,
    );
    const index = new Supercluster<Point, Point>({ radius: 50, maxZoom: 16 });
    index.load(
      located.map((m) => ({
        type: 'Feature' as const,
        properties: { slug: m.slug, name: m.name },
        geometry: {
          type: 'Point' as const,
          coordinates: [m.location?.longitude ?? 0, m.location?.latitude ?? 0],
        },
      })),
    );
    const layer = L.layerGroup().addTo(map);
    const draw = () => {
      layer.clearLayers();
      const b = map.getBounds();
      for (const c of index.getClusters(
        [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
        Math.round(map.getZoom()),
      )) {
        const [lng = 0, lat = 0] = c.geometry.coordinates;
        const count = 'point_count' in c.properties ? Number(c.properties.point_count) : 1;
        const marker = L.circleMarker([lat, lng], {
          radius: count > 1 ? 10 + Math.min(14, Math.log2(count) * 3) : 8,
          color: '#1f5f3a',
          fillColor: count > 1 ? '#2f7d50' : '#ffffff',
          fillOpacity: 0.9,
          weight: 2,
        });
        if (count > 1) {
          marker.bindTooltip(String(count), {
            permanent: true,
            direction: 'center',
            className: 'cluster-count',
          });
          marker.on('click', () =>
            map.flyTo([lat, lng], Math.min(16, index.getClusterExpansionZoom(Number(c.id)))),
          );
        } else {
          const p = c.properties;
          const link = document.createElement('a');
          link.href = `/meetings/${encodeURIComponent(p.slug)}${langQuery}`;
          link.textContent = p.name;
          marker.bindPopup(link);
        }
        marker.addTo(layer);
      }
    };
    if (located.length > 0) {
      const bounds = L.latLngBounds(
        located.map(
          (m) => [m.location?.latitude ?? 0, m.location?.longitude ?? 0] as [number, number],
        ),
      );
      map.fitBounds(bounds.pad(0.2), { maxZoom: 13 });
    } else {
      map.setView([20, 0], 2);
    }
    map.on('moveend', draw);
    draw();
    return () => {
      map.remove();
    };
  }, [meetings, tiles, langQuery]);

  return (
    <figure className="map-figure">
      <div ref={container} className="map" role="region" aria-label={t('mapLabel')} />
      <figcaption>{t('mapListAlternative')}</figcaption>
    </figure>
  );
}
