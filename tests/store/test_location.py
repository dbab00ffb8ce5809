"""The user is warned when the data dir is on a network drive or inside a cloud-synced folder."""

from pathlib import PurePosixPath

import pytest

from desktop.store.location import (
    DRIVE_REMOTE,
    NETWORK_FS_TYPES,
    Mount,
    location_warning,
    mount_of,
    parse_mounts,
    read_mounts,
)

DRIVE_FIXED = 3
LOCAL_MOUNTS = [Mount("/", "ext4"), Mount("/home", "ext4"), Mount("/tmp", "tmpfs")]


def local_drives(_root: str) -> int:
    return DRIVE_FIXED


@pytest.mark.parametrize(
    "path",
    [r"\\fileserver\情報政策課\dxnavi", "//fileserver/share/dxnavi", r"\\?\UNC\fileserver\share\dxnavi"],
)
def test_a_windows_share_path_is_warned_about(path):
    warning = location_warning(path, platform="nt", drive_type=local_drives)
    assert warning is not None and "ネットワーク上の共有フォルダ" in warning


def test_a_mapped_network_drive_is_warned_about_with_its_letter():
    seen = []

    def drives(root: str) -> int:
        seen.append(root)
        return DRIVE_REMOTE if root == "Z:\\" else DRIVE_FIXED

    warning = location_warning(r"Z:\共有\dxnavi", platform="nt", drive_type=drives)
    assert warning is not None and "ネットワークドライブ（Z:）" in warning
    assert seen == ["Z:\\"]
    assert location_warning(r"C:\dxnavi", platform="nt", drive_type=drives) is None


@pytest.mark.parametrize(
    "path", [r"C:\Users\taro\AppData\Local\dxnavi", r"\\?\C:\dxnavi", r"D:\データ\dxnavi"]
)
def test_a_local_windows_folder_gets_no_warning(path):
    assert location_warning(path, platform="nt", drive_type=local_drives) is None


@pytest.mark.parametrize(
    ("path", "service"),
    [
        (r"C:\Users\taro\OneDrive\ドキュメント\dxnavi", "OneDrive"),
        (r"C:\Users\taro\OneDrive - 鯖江市\dxnavi", "OneDrive"),
        (r"C:\Users\taro\Dropbox\dxnavi", "Dropbox"),
        (r"C:\Users\taro\Dropbox (鯖江市)\dxnavi", "Dropbox"),
        (r"G:\マイドライブ\dxnavi", "Google ドライブ"),
        (r"G:\My Drive\dxnavi", "Google ドライブ"),
        (r"C:\Users\taro\Google Drive\dxnavi", "Google ドライブ"),
        (r"C:\Users\taro\GoogleDrive\dxnavi", "Google ドライブ"),
        (r"C:\Users\taro\iCloudDrive\dxnavi", "iCloud Drive"),
        (r"C:\Users\taro\Box\dxnavi", "Box"),
    ],
)
def test_a_cloud_synced_folder_on_windows_is_named_in_the_warning(path, service):
    warning = location_warning(path, platform="nt", drive_type=local_drives)
    assert (
        warning is not None and f"{service} の同期フォルダ" in warning and "同期されないフォルダ" in warning
    )


@pytest.mark.parametrize(
    "path",
    [
        "/home/taro/Dropbox/dxnavi",
        "/home/taro/OneDrive/dxnavi",
        "/Users/taro/Library/CloudStorage/GoogleDrive-taro@example.jp/マイドライブ/dxnavi",
        "/Users/taro/Library/Mobile Documents/com~apple~CloudDocs/dxnavi",
    ],
)
def test_a_cloud_synced_folder_on_linux_or_mac_is_warned_about(path):
    assert location_warning(path, platform="posix", mounts=LOCAL_MOUNTS) is not None


@pytest.mark.parametrize(
    "path", [r"C:\Users\taro\Documents\boxes\dxnavi", r"C:\OneDriveの使い方\dxnavi", r"C:\dropbox_old.txt\x"]
)
def test_folder_names_that_merely_resemble_a_sync_folder_get_no_warning(path):
    assert location_warning(path, platform="nt", drive_type=local_drives) is None


@pytest.mark.parametrize("fs_type", ["nfs", "nfs4", "cifs", "smb3", "sshfs", "fuse.sshfs", "9p"])
def test_a_network_file_system_on_linux_is_warned_about_with_its_type(fs_type):
    mounts = [*LOCAL_MOUNTS, Mount("/mnt/share", fs_type)]
    warning = location_warning("/mnt/share/dxnavi", platform="posix", mounts=mounts)
    assert warning is not None and f"ネットワーク上のファイルシステム（{fs_type}）" in warning


def test_the_innermost_mount_decides():
    mounts = [*LOCAL_MOUNTS, Mount("/mnt", "nfs"), Mount("/mnt/local", "ext4")]
    assert location_warning("/mnt/local/dxnavi", platform="posix", mounts=mounts) is None
    assert location_warning("/mnt/other/dxnavi", platform="posix", mounts=mounts) is not None
    assert mount_of(PurePosixPath("/mntx/dxnavi"), mounts) == Mount("/", "ext4")


def test_a_local_linux_folder_gets_no_warning(tmp_path):
    assert location_warning(tmp_path / "data", platform="posix", mounts=LOCAL_MOUNTS) is None


def test_proc_mounts_is_parsed_with_its_escaped_spaces():
    text = (
        "/dev/sda1 / ext4 rw,relatime 0 0\n"
        "//nas/共有 /mnt/shared\\040drive cifs rw,vers=3.0 0 0\n"
        "server:/export /srv/nfs nfs4 rw 0 0\n"
    )
    assert parse_mounts(text) == [
        Mount("/", "ext4"),
        Mount("/mnt/shared drive", "cifs"),
        Mount("/srv/nfs", "nfs4"),
    ]
    warning = location_warning("/mnt/shared drive/dxnavi", platform="posix", mounts=parse_mounts(text))
    assert warning is not None and "cifs" in warning


def test_the_real_machine_is_asked_when_nothing_is_injected(tmp_path):
    mount = mount_of(PurePosixPath(tmp_path.resolve()), read_mounts())
    on_network = mount is not None and mount.fs_type in NETWORK_FS_TYPES
    assert (location_warning(tmp_path) is not None) == on_network
