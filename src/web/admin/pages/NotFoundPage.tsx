import { PageHeading } from '../components/PageHeading.tsx';
import { Link } from '../router.tsx';
import { href } from '../routes.ts';

export function NotFoundPage() {
  return (
    <>
      <PageHeading title="There is no such page" />
      <p>
        The address may be mistyped, or the page has moved.{' '}
        <Link href={href.meetings}>Go to my meetings</Link>.
      </p>
    </>
  );
}
